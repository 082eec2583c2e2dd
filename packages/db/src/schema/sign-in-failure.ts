import type { Generated } from 'kysely';

export interface SignInFailureTable {
  id: Generated<string>;
  username: string;
  ip: string | null;
  failed_at: Generated<Date>;
}

import type { Generated, Selectable } from 'kysely';

export interface PolicyTable {
  code: string;
  title: string;
  description: Generated<string>;
  active: Generated<boolean>;
  dsa_category: string | null;
  terms_url: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
export type PolicyRow = Selectable<PolicyTable>;

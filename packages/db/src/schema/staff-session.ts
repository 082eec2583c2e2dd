import type { Generated, Selectable } from 'kysely';

export interface StaffSessionTable {
  /** SHA-256 of the opaque cookie token: a leaked table does not yield usable cookies. */
  token_hash: Buffer;
  staff_user_id: string;
  csrf_token: string;
  ip: string | null;
  user_agent: string | null;
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  idle_expires_at: Date;
  absolute_expires_at: Date;
}

export type StaffSessionRow = Selectable<StaffSessionTable>;

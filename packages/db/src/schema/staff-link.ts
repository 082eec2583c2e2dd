import type { Generated, Selectable } from 'kysely';

/** A one-time enrolment or password-reset link; only the token's hash is stored. */
export interface StaffLinkTable {
  id: Generated<string>;
  staff_user_id: string;
  purpose: 'enrol' | 'reset';
  token_hash: Buffer;
  expires_at: Date;
  issued_by: string | null;
  issued_ip: string | null;
  issued_session_hash: Buffer | null;
  issued_at: Generated<Date>;
  used_at: Date | null;
  used_ip: string | null;
  used_user_agent: string | null;
  used_session_hash: Buffer | null;
}

export type StaffLinkRow = Selectable<StaffLinkTable>;

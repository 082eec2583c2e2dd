import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export interface StaffUserTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  /** Null until the account's owner enrols through their one-time link. */
  password_hash: string | null;
  roles: string[];
  disabled_at: Date | null;
  last_sign_in_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  blur_urgent_evidence: Generated<boolean>;
}

export type StaffUserRow = Selectable<StaffUserTable>;
export type NewStaffUser = Insertable<StaffUserTable>;
export type StaffUserUpdate = Updateable<StaffUserTable>;

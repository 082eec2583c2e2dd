import type { Generated, Selectable } from 'kysely';

/** One requested change of one role; grants wait for a second admin, removals apply at once. */
export interface StaffRoleChangeTable {
  id: Generated<string>;
  staff_user_id: string;
  role: string;
  change: 'grant' | 'remove';
  status: 'pending' | 'confirmed' | 'rejected';
  requested_by: string;
  requested_at: Generated<Date>;
  decided_by: string | null;
  decided_at: Date | null;
}

export type StaffRoleChangeRow = Selectable<StaffRoleChangeTable>;

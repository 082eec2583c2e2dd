import type { AuditEventTable } from './audit-event';
import type { SignInFailureTable } from './sign-in-failure';
import type { StaffSessionTable } from './staff-session';
import type { StaffUserTable } from './staff-user';

export type * from './audit-event';
export type * from './sign-in-failure';
export type * from './staff-session';
export type * from './staff-user';

export interface Database {
  audit_event: AuditEventTable;
  sign_in_failure: SignInFailureTable;
  staff_session: StaffSessionTable;
  staff_user: StaffUserTable;
}

import type { AccessGrantTable, AccessRequestTable } from './access';
import type { AuditEventTable } from './audit-event';
import type { CaseTable } from './case';
import type { ConversationTable } from './conversation';
import type { DecisionConfirmationTable, DecisionTable } from './decision';
import type { MessageTable } from './message';
import type { PlatformAccountTable } from './platform-account';
import type { PolicyTable } from './policy';
import type { QueueTable } from './queue';
import type { ReportTable } from './report';
import type { ServiceAccountTable, ServiceRequestSignatureTable } from './service-account';
import type { SignInFailureTable } from './sign-in-failure';
import type { StaffSessionTable } from './staff-session';
import type { StaffUserTable } from './staff-user';

export type * from './access';
export type * from './audit-event';
export type * from './case';
export type * from './conversation';
export type * from './decision';
export type * from './message';
export type * from './platform-account';
export type * from './policy';
export type * from './queue';
export type * from './report';
export type * from './service-account';
export type * from './sign-in-failure';
export type * from './staff-session';
export type * from './staff-user';

export interface Database {
  access_grant: AccessGrantTable;
  access_request: AccessRequestTable;
  audit_event: AuditEventTable;
  case: CaseTable;
  conversation: ConversationTable;
  decision: DecisionTable;
  decision_confirmation: DecisionConfirmationTable;
  message: MessageTable;
  platform_account: PlatformAccountTable;
  policy: PolicyTable;
  queue: QueueTable;
  report: ReportTable;
  service_account: ServiceAccountTable;
  service_request_signature: ServiceRequestSignatureTable;
  sign_in_failure: SignInFailureTable;
  staff_session: StaffSessionTable;
  staff_user: StaffUserTable;
}

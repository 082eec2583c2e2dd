import type { ColumnType, Generated, Selectable } from 'kysely';

export type AccessScope =
  | { kind: 'reported_context'; context: number }
  | { kind: 'time_window'; from: string; to: string }
  | { kind: 'full_conversation' };

export type GrantEndReason =
  | 'decided'
  | 'escalated'
  | 'released'
  | 'reassigned'
  | 'taken_over'
  | 'lease_lapsed'
  | 'expired'
  | 'produced'
  | 'rejected'
  | 'no_data'
  | 'closed'
  | 'role_removed'
  | 'staff_disabled';

type Json<T> = ColumnType<T, string, string>;

export interface AccessRequestTable {
  id: Generated<string>;
  case_id: string;
  conversation_id: string;
  requester_id: string;
  justification_code: string;
  justification: string;
  scope: Json<AccessScope>;
  requested_minutes: number;
  status: Generated<'pending' | 'approved' | 'denied' | 'cancelled' | 'expired'>;
  created_at: Generated<Date>;
  pending_until: Date;
  decided_by: string | null;
  decided_at: Date | null;
  decision_reason: string | null;
}
export type AccessRequestRow = Selectable<AccessRequestTable>;

export interface AccessGrantTable {
  id: Generated<string>;
  request_id: string | null;
  /** Null for a legal grant: it belongs to its legal request, not to a case (ADR 032). */
  case_id: string | null;
  conversation_id: string | null;
  legal_request_id: string | null;
  /** What the grant stands on, derived by the database from the columns above. */
  basis: ColumnType<'case' | 'legal_request' | 'break_glass', never, never>;
  grantee_id: string;
  scope: Json<AccessScope>;
  starts_at: Generated<Date>;
  expires_at: Date;
  revoked_at: Date | null;
  revoked_by: string | null;
  revoke_reason: string | null;
  /** Set when the grantee stopped holding the case: the grant's reason ended before its time. */
  ended_at: Date | null;
  end_reason: GrantEndReason | null;
  /** reported_context only: the messages the approval covered, fixed when it was issued. */
  message_ids: string[] | null;
  break_glass: Generated<boolean>;
  break_glass_justification: string | null;
  reviewed_by: string | null;
  reviewed_at: Date | null;
  review_outcome: 'justified' | 'unjustified' | null;
  review_note: string | null;
}
export type AccessGrantRow = Selectable<AccessGrantTable>;

/** One per grant and participant told of its reads; the key makes a repeated job tell no one twice. */
export interface AccessNoticeTable {
  grant_id: string;
  account_id: string;
  sent_at: Generated<Date>;
}

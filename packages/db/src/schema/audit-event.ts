import type { ColumnType, Generated, Insertable, JSONColumnType, Selectable } from 'kysely';

export type AuditActorType = 'staff' | 'service' | 'system' | 'anonymous';
export type AuditOutcome = 'success' | 'denied' | 'failure';

/**
 * One row per action, written in the action's own transaction and never changed afterwards.
 * Sequencing and hash-chaining happen later in a separate table keyed by `id`, so this row
 * never needs an UPDATE; `tx_id` lets the sealer order events by commit, not by insert.
 */
export interface AuditEventTable {
  id: Generated<string>;
  occurred_at: Generated<Date>;
  tx_id: ColumnType<string, never, never>;
  actor_type: AuditActorType;
  actor_id: string | null;
  actor_label: string | null;
  actor_roles: ColumnType<string[], string[] | undefined, never>;
  action: string;
  outcome: AuditOutcome;
  target_type: string | null;
  target_id: string | null;
  case_id: string | null;
  grant_id: string | null;
  details: JSONColumnType<Record<string, unknown>, string | undefined, never>;
  request_id: string | null;
  ip: string | null;
  user_agent: string | null;
}

export type AuditEventRow = Selectable<AuditEventTable>;
export type NewAuditEvent = Insertable<AuditEventTable>;

/**
 * The audit record: exactly what is hashed into the chain for one sealed event, and exactly what
 * an export's `event` field holds. Never message content (the API refuses such details).
 */
export interface AuditRecord {
  /** Position in the chain: 1, 2, 3, … with no gaps, in commit order. */
  seq: number;
  /** The event's row id (decimal string; ids are not in seq order). */
  id: string;
  /** UTC with microseconds, e.g. `2026-12-01T10:00:00.123456Z`. */
  occurredAt: string;
  actor: {
    type: 'staff' | 'service' | 'system' | 'anonymous';
    id: string | null;
    label: string | null;
    roles: string[];
  };
  /** Dotted verb: `case.claimed`, `conversation.read`, … */
  action: string;
  outcome: 'success' | 'denied' | 'failure';
  target: { type: string; id: string } | null;
  caseId: string | null;
  grantId: string | null;
  details: Record<string, unknown>;
  requestId: string | null;
  ip: string | null;
  userAgent: string | null;
}

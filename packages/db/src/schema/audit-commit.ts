import type { ColumnType } from 'kysely';

/**
 * One row per transaction that wrote audit events, inserted at its COMMIT by a deferred trigger:
 * `ticket` orders transactions by commit. Both values are assigned by the database.
 */
export interface AuditCommitTable {
  tx_id: ColumnType<string, never, never>;
  ticket: ColumnType<string, never, never>;
}

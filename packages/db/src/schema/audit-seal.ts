import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** An event's place in the hash chain, assigned by the sealer in commit order. Never changed. */
export interface AuditSealTable {
  seq: ColumnType<string, string | number, never>;
  event_id: ColumnType<string, string, never>;
  ticket: ColumnType<string, string, never>;
  leaf: ColumnType<Buffer, Buffer, never>;
  chain: ColumnType<Buffer, Buffer, never>;
  /** The exact RFC 8785 text of the `AuditRecord` that was hashed. */
  record: ColumnType<string, string, never>;
  sealed_at: Generated<Date>;
}

export type AuditSealRow = Selectable<AuditSealTable>;
export type NewAuditSeal = Insertable<AuditSealTable>;

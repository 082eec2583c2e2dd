import type { ColumnType, Selectable } from 'kysely';

/** A signed statement that the chain's head at `seq` was `head`. Never changed. */
export interface AuditCheckpointTable {
  seq: ColumnType<string, string | number, never>;
  head: ColumnType<Buffer, Buffer, never>;
  /** Milliseconds precision: the signed `issuedAt` is rendered from it. */
  issued_at: ColumnType<Date, string, never>;
  key_id: ColumnType<string, string, never>;
  /** Ed25519, 64 bytes. */
  signature: ColumnType<Buffer, Buffer, never>;
}

export type AuditCheckpointRow = Selectable<AuditCheckpointTable>;

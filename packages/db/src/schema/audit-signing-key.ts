import type { ColumnType, Selectable } from 'kysely';

/** Every public key that ever signed checkpoints; never removed, retired at most once. */
export interface AuditSigningKeyTable {
  key_id: ColumnType<string, string, never>;
  algorithm: ColumnType<'Ed25519', 'Ed25519', never>;
  /** The raw 32-byte Ed25519 public key. */
  public_key: ColumnType<Buffer, Buffer, never>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  retired_at: ColumnType<Date | null, Date | string | null | undefined, Date | string>;
}

export type AuditSigningKeyRow = Selectable<AuditSigningKeyTable>;

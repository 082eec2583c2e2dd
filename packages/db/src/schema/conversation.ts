import type { Generated, Selectable } from 'kysely';

export interface ConversationTable {
  id: string;
  participant_ids: string[];
  /** Null once retention destroyed the key (and with it every ciphertext under it). */
  dek_wrapped: Buffer | null;
  kek_version: number | null;
  content_destroyed_at: Date | null;
  created_at: Generated<Date>;
}
export type ConversationRow = Selectable<ConversationTable>;

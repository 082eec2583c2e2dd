import type { Generated, Selectable } from 'kysely';

/** A message as stored: its body only as AES-256-GCM ciphertext under the conversation's key. */
export interface MessageTable {
  conversation_id: string;
  id: string;
  sender_id: string;
  sent_at: Date;
  /** Null, with `destroyed_at`, once retention destroyed the body. */
  body_nonce: Buffer | null;
  body_ciphertext: Buffer | null;
  destroyed_at: Date | null;
  received_at: Generated<Date>;
}
export type MessageRow = Selectable<MessageTable>;

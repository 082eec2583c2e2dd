import type { Generated, Selectable } from 'kysely';

/** A message as stored: its body only as AES-256-GCM ciphertext under the conversation's key. */
export interface MessageTable {
  conversation_id: string;
  id: string;
  sender_id: string;
  sent_at: Date;
  body_nonce: Buffer;
  body_ciphertext: Buffer;
  received_at: Generated<Date>;
}
export type MessageRow = Selectable<MessageTable>;

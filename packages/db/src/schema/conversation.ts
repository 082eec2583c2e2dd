import type { Generated, Selectable } from 'kysely';

export interface ConversationTable {
  id: string;
  participant_ids: string[];
  dek_wrapped: Buffer;
  kek_version: number;
  created_at: Generated<Date>;
}
export type ConversationRow = Selectable<ConversationTable>;

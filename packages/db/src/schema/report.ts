import type { Generated, Selectable } from 'kysely';

export interface ReportTable {
  id: string;
  service_account_id: string;
  external_id: string;
  source: 'user_report' | 'legal_request' | 'automated';
  category: string;
  case_id: string;
  conversation_id: string;
  reporter_id: string | null;
  reported_account_id: string;
  reported_message_ids: string[];
  reporter_text_nonce: Buffer | null;
  reporter_text_ciphertext: Buffer | null;
  reporter_text_destroyed_at: Date | null;
  payload_hash: Buffer;
  received_at: Generated<Date>;
}
export type ReportRow = Selectable<ReportTable>;

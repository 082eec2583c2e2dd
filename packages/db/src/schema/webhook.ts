import type { ColumnType, Generated, Selectable } from 'kysely';

export interface WebhookEndpointTable {
  id: Generated<string>;
  url: string;
  description: Generated<string>;
  event_types: string[];
  secret_sealed: Buffer;
  kek_version: number;
  secret_rotated_at: Date | null;
  disabled_at: Date | null;
  created_at: Generated<Date>;
}
export type WebhookEndpointRow = Selectable<WebhookEndpointTable>;

export interface OutboxEventTable {
  id: Generated<string>;
  seq: ColumnType<string, never, never>;
  type: string;
  subject: string;
  payload: ColumnType<unknown, string, never>;
  created_at: Generated<Date>;
}
export type OutboxEventRow = Selectable<OutboxEventTable>;

export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'dead';

export interface WebhookDeliveryTable {
  id: Generated<string>;
  event_id: string;
  endpoint_id: string;
  event_seq: string;
  subject: string;
  status: Generated<WebhookDeliveryStatus>;
  attempts: Generated<number>;
  next_attempt_at: Generated<Date>;
  locked_until: Date | null;
  locked_by: string | null;
  last_status_code: number | null;
  last_latency_ms: number | null;
  last_error: string | null;
  last_attempt_at: Date | null;
  delivered_at: Date | null;
  created_at: Generated<Date>;
}
export type WebhookDeliveryRow = Selectable<WebhookDeliveryTable>;

/**
 * The outbox: an event the platform must hear of is written in the action's own transaction, and
 * fanned out at once to one delivery per subscribed, enabled endpoint. Roll back the action and
 * there is neither event nor delivery; commit it and the delivery worker will send it.
 */
import type { WebhookEventType } from '@docket/contracts';
import type { Database } from '@docket/db';
import { sql, type Transaction } from 'kysely';

export interface OutboxEventInput {
  type: WebhookEventType;
  /** Whose events arrive in order, e.g. `account:<platform id>`. */
  subject: string;
  /** What the platform needs to act: ids, codes, dates. Never message content. */
  data: Record<string, unknown>;
}

// A last line of defence, as for audit details: an outbound payload never carries content.
const FORBIDDEN_KEYS = new Set(['body', 'content', 'text', 'secret', 'password']);

function refuseContent(value: unknown, path: string): void {
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) refuseContent(item, `${path}[${index}]`);
  } else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (FORBIDDEN_KEYS.has(key.toLowerCase())) throw new Error(`outbound events may not carry "${path}.${key}"`);
      refuseContent(child, `${path}.${key}`);
    }
  }
}

/**
 * Writes one event and its deliveries in `trx`. `onlyEndpointId` sends it to that endpoint
 * alone (a test event). Returns the event id, which is every delivery's `webhook-id`.
 */
export async function enqueueOutboxEvent(
  trx: Transaction<Database>,
  event: OutboxEventInput,
  options: { onlyEndpointId?: string } = {},
): Promise<string> {
  refuseContent(event.data, 'data');
  const { id, seq } = await trx
    .insertInto('outbox_event')
    .values({ type: event.type, subject: event.subject, payload: JSON.stringify(event.data) })
    .returning(['id', 'seq'])
    .executeTakeFirstOrThrow();
  let endpoints = trx
    .selectFrom('webhook_endpoint')
    .select([
      sql<string>`${id}::uuid`.as('event_id'),
      'id as endpoint_id',
      sql<string>`${seq}::bigint`.as('event_seq'),
      sql<string>`${event.subject}::text`.as('subject'),
    ])
    .where('disabled_at', 'is', null);
  // A test event goes to the endpoint asked for, whatever types it subscribes to.
  endpoints = options.onlyEndpointId
    ? endpoints.where('id', '=', options.onlyEndpointId)
    : endpoints.where(sql<boolean>`${event.type} = any(event_types)`);
  await trx
    .insertInto('webhook_delivery')
    .columns(['event_id', 'endpoint_id', 'event_seq', 'subject'])
    .expression(endpoints)
    .execute();
  return id;
}

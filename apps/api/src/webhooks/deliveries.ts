/** The delivery log admins read, and redelivery of what was delivered or dead-lettered. */
import type { WebhookDelivery, WebhookDeliveryPage } from '@docket/contracts';
import type { Database } from '@docket/db';
import { type Kysely, sql } from 'kysely';
import type { ActionContext } from '../actions/context';
import { decodeTimeCursor, encodeTimeCursor, microsecondText } from '../http/keyset';
import { AppError } from '../http/problem';

export async function listWebhookDeliveries(
  db: Kysely<Database>,
  endpointId: string,
  page: { cursor?: string | undefined; limit: number },
): Promise<WebhookDeliveryPage> {
  const endpoint = await db.selectFrom('webhook_endpoint').select('id').where('id', '=', endpointId).executeTakeFirst();
  if (!endpoint) throw new AppError('not_found', 'No webhook endpoint with that id.');
  let query = db
    .selectFrom('webhook_delivery as d')
    .innerJoin('outbox_event as o', 'o.id', 'd.event_id')
    .select([
      'd.id',
      'd.event_id',
      'o.type',
      'd.subject',
      'd.status',
      'd.attempts',
      'd.last_status_code',
      'd.last_latency_ms',
      'd.last_error',
      'd.last_attempt_at',
      'd.next_attempt_at',
      'd.delivered_at',
      'd.created_at',
      microsecondText('d.created_at').as('cursor_at'),
    ])
    .where('d.endpoint_id', '=', endpointId)
    .orderBy('d.created_at', 'desc')
    .orderBy('d.id', 'desc')
    .limit(page.limit + 1);
  if (page.cursor) {
    const { at, id } = decodeTimeCursor(page.cursor);
    query = query.where(sql<boolean>`(d.created_at, d.id) < (${at}::timestamptz, ${id}::uuid)`);
  }
  const rows = await query.execute();
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  return {
    items: items.map(
      (row): WebhookDelivery => ({
        id: row.id,
        eventId: row.event_id,
        eventType: row.type,
        subject: row.subject,
        status: row.status,
        attempts: row.attempts,
        lastStatusCode: row.last_status_code,
        lastLatencyMs: row.last_latency_ms,
        lastError: row.last_error,
        lastAttemptAt: row.last_attempt_at?.toISOString() ?? null,
        nextAttemptAt: row.status === 'pending' ? row.next_attempt_at.toISOString() : null,
        deliveredAt: row.delivered_at?.toISOString() ?? null,
        createdAt: row.created_at.toISOString(),
      }),
    ),
    nextCursor: rows.length > page.limit && last ? encodeTimeCursor(last.cursor_at, last.id) : null,
  };
}

/**
 * Sends a delivered or dead-lettered event again, with the same `webhook-id` so the receiver can
 * recognise it, and a fresh count of attempts. A pending delivery is already on its way.
 */
export async function redeliverWebhook(ctx: ActionContext, deliveryId: string) {
  const { trx } = ctx;
  const current = await trx
    .selectFrom('webhook_delivery')
    .select(['status', 'endpoint_id', 'event_id'])
    .where('id', '=', deliveryId)
    .forUpdate()
    .executeTakeFirst();
  if (!current) throw new AppError('not_found', 'No webhook delivery with that id.');
  if (current.status === 'pending')
    throw new AppError('conflict', 'This delivery is still pending: it will be retried.');
  await trx
    .updateTable('webhook_delivery')
    .set({ status: 'pending', attempts: 0, next_attempt_at: sql<Date>`now()`, locked_until: null, locked_by: null })
    .where('id', '=', deliveryId)
    .execute();
  await ctx.emit({
    action: 'webhook.redelivered',
    target: { type: 'webhook_delivery', id: deliveryId },
    details: { endpointId: current.endpoint_id, eventId: current.event_id, previousStatus: current.status },
  });
}

/** A `webhook.test` event for one endpoint, so a platform can check its integration. */
export async function sendTestEvent(ctx: ActionContext, endpointId: string) {
  const { trx } = ctx;
  const endpoint = await trx
    .selectFrom('webhook_endpoint')
    .select(['id', 'disabled_at'])
    .where('id', '=', endpointId)
    .executeTakeFirst();
  if (!endpoint) throw new AppError('not_found', 'No webhook endpoint with that id.');
  if (endpoint.disabled_at) throw new AppError('conflict', 'The endpoint is disabled: enable it to send events.');
  // The event goes out through the outbox (actions/events.ts), to this endpoint alone.
  const { outboxEventId } = await ctx.emit({
    action: 'webhook.test_sent',
    target: { type: 'webhook_endpoint', id: endpointId },
  });
  if (!outboxEventId) throw new Error('webhook.test_sent is platform-bound: it always has an outbox event');
  return { eventId: outboxEventId };
}

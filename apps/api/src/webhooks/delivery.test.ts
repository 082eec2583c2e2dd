import { connect } from '@docket/db';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../testing/harness';
import { enqueueOutboxEvent } from './outbox';
import { pumpUntil, useWebhookScenario } from './test-helpers';

const harness = useTestApp();
const scenario = useWebhookScenario(harness);

describe('delivery', () => {
  it('delivers a signed event that a stock Standard Webhooks verifier accepts, and logs it', async () => {
    const { receiver, endpoint, session } = await scenario.endpoint();
    const sent = await harness.request('POST', `/api/webhooks/endpoints/${endpoint.id}/test`, { session });
    expect(sent.status).toBe(202);
    const { eventId } = await sent.json();

    await pumpUntil(scenario.pump(), () => receiver.received.length === 1);
    expect(receiver.refused).toBe(0);
    expect(receiver.received[0]).toMatchObject({ id: eventId, type: 'webhook.test', status: 200 });

    const log = await harness.request('GET', `/api/webhooks/endpoints/${endpoint.id}/deliveries`, { session });
    const [delivery] = (await log.json()).items;
    expect(delivery).toMatchObject({
      eventId,
      status: 'delivered',
      attempts: 1,
      lastStatusCode: 200,
      nextAttemptAt: null,
    });
    expect(delivery.lastLatencyMs).toBeGreaterThanOrEqual(0);
    const [audited] = await scenario.audited('webhook.delivered', endpoint.id);
    expect(audited?.details).toMatchObject({ eventId, endpointId: endpoint.id, statusCode: 200, attempt: 1 });
  });

  it('retries a failing receiver with growing, jittered backoff and keeps one subject in order', async () => {
    const { receiver, endpoint } = await scenario.endpoint();
    // Fails the first three requests, whatever they are, then accepts.
    receiver.respond = (_event, before) => (before.length < 3 ? 503 : 200);
    const [first, second] = await scenario.emit([
      { subject: 'account:a', n: 1 },
      { subject: 'account:a', n: 2 },
    ]);
    await pumpUntil(scenario.pump(), () => receiver.received.filter((r) => r.status === 200).length === 2);

    // The second event waited for the first: it never arrived before the first was accepted.
    expect(receiver.received.map((r) => [r.id, r.status])).toEqual([
      [first, 503],
      [first, 503],
      [first, 503],
      [first, 200],
      [second, 200],
    ]);
    // Waits of at least half of 40, 80, 160 ms: each one longer than the doubling allows to skip.
    const gaps = receiver.received.slice(1, 4).map((r, index) => r.at - (receiver.received[index]?.at ?? 0));
    expect(gaps[0]).toBeGreaterThanOrEqual(20);
    expect(gaps[1]).toBeGreaterThanOrEqual(40);
    expect(gaps[2]).toBeGreaterThanOrEqual(80);
    expect(await scenario.audited('webhook.failed', endpoint.id)).toHaveLength(3);
    expect((await scenario.delivery(first ?? '')).attempts).toBe(4);
  });

  it('dead-letters after the attempt limit without blocking the subject, and an admin redelivers it with the same webhook-id', async () => {
    const { receiver, endpoint, session } = await scenario.endpoint();
    receiver.respond = (event) => (event.data.n === 1 ? 500 : 200);
    const [doomed, next] = await scenario.emit([
      { subject: 'account:b', n: 1 },
      { subject: 'account:b', n: 2 },
    ]);
    const pump = scenario.pump({ maxAttempts: 3 });
    await pumpUntil(pump, () => receiver.received.some((r) => r.id === next));

    const dead = await scenario.delivery(doomed ?? '');
    expect(dead).toMatchObject({ status: 'dead', attempts: 3, last_status_code: 500 });
    expect(receiver.received.filter((r) => r.id === doomed)).toHaveLength(3);
    expect(await scenario.audited('webhook.dead_lettered', endpoint.id)).toHaveLength(1);

    receiver.respond = () => 200;
    const redeliver = await harness.request('POST', `/api/webhooks/deliveries/${dead.id}/redeliver`, { session });
    expect(redeliver.status).toBe(204);
    await pumpUntil(pump, () => receiver.received.at(-1)?.status === 200 && receiver.received.at(-1)?.id === doomed);
    expect((await scenario.delivery(doomed ?? '')).status).toBe('delivered');
    const [redelivered] = await scenario.audited('webhook.redelivered', endpoint.id);
    expect(redelivered).toMatchObject({ actor_id: expect.any(String), target_id: dead.id });
    expect(redelivered?.details).toMatchObject({ endpointId: endpoint.id, eventId: doomed, previousStatus: 'dead' });

    const again = await harness.request('POST', `/api/webhooks/deliveries/${dead.id}/redeliver`, { session });
    expect(again.status).toBe(204);
    const pending = await harness.request('POST', `/api/webhooks/deliveries/${dead.id}/redeliver`, { session });
    expect(pending.status).toBe(409);
  });

  it('never lets two runners on separate connections deliver the same event twice, and keeps each subject in order', async () => {
    const { receiver } = await scenario.endpoint();
    const events = Array.from({ length: 120 }, (_, i) => ({ subject: `account:${i % 12}`, n: Math.floor(i / 12) }));
    await scenario.emit(events);
    const other = await connect({ databaseUrl: harness.url, poolSize: 4 });
    try {
      const pumps = [scenario.pump({ batchSize: 5 }), scenario.pump({ batchSize: 5 }, other.db)];
      await Promise.all(pumps.map((pump) => pumpUntil(pump, () => receiver.received.length >= 120)));
    } finally {
      await other.close();
    }
    const ids = receiver.received.map((r) => r.id);
    expect(new Set(ids).size).toBe(120);
    expect(ids).toHaveLength(120);
    for (let subject = 0; subject < 12; subject++) {
      const seen = receiver.received.filter((r) => r.subject === `account:${subject}`).map((r) => r.data.n);
      expect(seen).toEqual([...Array(10).keys()]);
    }
  });

  it('writes nothing to deliver when the action rolls back', async () => {
    await scenario.endpoint();
    await expect(
      harness.db.transaction().execute(async (trx) => {
        await enqueueOutboxEvent(trx, { type: 'decision.effective', subject: 'account:r', data: { subject: 'x' } });
        throw new Error('the action failed');
      }),
    ).rejects.toThrow('the action failed');
    const { count } = await harness.db
      .selectFrom('webhook_delivery')
      .select(sql<string>`count(*)`.as('count'))
      .where('subject', '=', 'account:r')
      .executeTakeFirstOrThrow();
    expect(Number(count)).toBe(0);
  });

  it('refuses to put message content in an outbound payload', async () => {
    await expect(
      harness.db.transaction().execute((trx) =>
        enqueueOutboxEvent(trx, {
          type: 'decision.effective',
          subject: 'account:c',
          data: { messages: [{ id: 'm1', body: 'hello' }] },
        }),
      ),
    ).rejects.toThrow('outbound events may not carry "data.messages[0].body"');
  });
});

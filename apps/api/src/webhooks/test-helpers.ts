/** One scenario helper for the webhook tests: an admin, an endpoint, a receiver, a pump. */
import type { WebhookEventType } from '@docket/contracts';
import type { Database } from '@docket/db';
import { startTestReceiver, type TestReceiver } from '@docket/intake-client/testing';
import type { Kysely } from 'kysely';
import { afterEach } from 'vitest';
import { runSystemAction } from '../actions/context';
import type { Keyring } from '../encryption/keyring';
import type { useTestApp } from '../testing/harness';
import { createDeliveryPump, type DeliverySettings } from './delivery';
import { createWebhookEndpoint } from './endpoints';
import { enqueueOutboxEvent } from './outbox';

type Harness = ReturnType<typeof useTestApp>;

export const FAST: DeliverySettings = {
  maxAttempts: 5,
  backoff: { baseMs: 40, capMs: 2_000 },
  leaseMs: 5_000,
  timeoutMs: 2_000,
  batchSize: 50,
  rounds: 2,
};

export function useWebhookScenario(harness: Harness) {
  const receivers: TestReceiver[] = [];
  afterEach(async () => {
    await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
  });

  return {
    async admin() {
      return (await harness.signedIn(['admin'])).session;
    },

    /** A receiver and an endpoint pointing at it, registered through the API. */
    async endpoint(eventTypes: WebhookEventType[] = ['decision.effective', 'webhook.test']) {
      // Each test hears only its own endpoint: the ones before it are switched off.
      await harness.db.updateTable('webhook_endpoint').set({ disabled_at: new Date() }).execute();
      const receiver = await startTestReceiver();
      receivers.push(receiver);
      const session = await this.admin();
      const response = await harness.request('POST', '/api/webhooks/endpoints', {
        session,
        body: { url: receiver.url, eventTypes },
      });
      if (response.status !== 201) throw new Error(`endpoint: ${response.status} ${await response.text()}`);
      const endpoint = await response.json();
      receiver.secret = endpoint.secret;
      return { receiver, endpoint, session };
    },

    pump(settings: Partial<DeliverySettings> = {}, db = harness.db) {
      return createDeliveryPump({
        db,
        keyring: harness.keyring,
        logger: harness.deps.logger,
        settings: { ...FAST, ...settings },
      });
    },

    emit(events: { subject: string; n?: number }[]) {
      return emitEvents(harness.db, events);
    },

    /** The audit events of one endpoint's deliveries. */
    async audited(action: string, endpointId: string) {
      const events = await harness.auditEvents(action);
      return events.filter((event) => event.details.endpointId === endpointId);
    },

    async delivery(eventId: string) {
      return harness.db
        .selectFrom('webhook_delivery')
        .selectAll()
        .where('event_id', '=', eventId)
        .executeTakeFirstOrThrow();
    },
  };
}

/** Runs a pump until `done` says so (or fails after `ms`). */
export async function pumpUntil(pump: () => Promise<number>, done: () => boolean | Promise<boolean>, ms = 10_000) {
  const deadline = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error('pumpUntil: timed out');
    if ((await pump()) === 0) await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** `decision.effective` events, one transaction each, committed in order as actions would emit them. */
export async function emitEvents(db: Kysely<Database>, events: { subject: string; n?: number }[]) {
  const ids: string[] = [];
  for (const { subject, n } of events) {
    const data = { subject, n: n ?? 0 };
    ids.push(
      await db.transaction().execute((trx) => enqueueOutboxEvent(trx, { type: 'decision.effective', subject, data })),
    );
  }
  return ids;
}

/** An endpoint for `receiver` made through the domain (no API in the way); the receiver learns its secret. */
export async function registerEndpoint(db: Kysely<Database>, keyring: Keyring, receiver: TestReceiver) {
  const input = { url: receiver.url, description: '', eventTypes: ['decision.effective' as const] };
  const endpoint = await runSystemAction(db, (ctx) => createWebhookEndpoint(ctx, keyring, input));
  receiver.secret = endpoint.secret;
  return endpoint.id;
}

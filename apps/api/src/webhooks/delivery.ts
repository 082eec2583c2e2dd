/**
 * The delivery worker (ADR 026), run as a pump of the job runner in every API process. It claims
 * the due head of each (endpoint, subject) line with `FOR UPDATE SKIP LOCKED` under a lease, signs
 * it the Standard Webhooks way, posts it, and records the outcome with its audit event. A
 * subject's next event waits until the previous one is delivered or dead-lettered.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from '@docket/db';
import { type Kysely, sql } from 'kysely';
import type { Logger } from 'pino';
import { Webhook } from 'standardwebhooks';
import { systemActor } from '../actions/context';
import { auditRow } from '../audit/record';
import type { Keyring } from '../encryption/keyring';
import { type Backoff, backoffDelayMs } from '../jobs/backoff';
import type { Pump } from '../jobs/runner';
import { unsealWebhookSecret } from './endpoints';
import { PostTimeout, postJson } from './http-post';

export interface DeliverySettings {
  /** Tries before a delivery is dead-lettered. */
  maxAttempts: number;
  backoff: Backoff;
  /** How long a claim holds a delivery; a killed process's claim is taken again after it. */
  leaseMs: number;
  timeoutMs: number;
  /** Deliveries one round claims. */
  batchSize: number;
  /**
   * Rounds a tick runs side by side, so one round's posts overlap another's claim and record.
   * Order per subject still holds: a claimed delivery stays pending, which holds back its line.
   */
  rounds: number;
}

interface Claimed {
  id: string;
  event_id: string;
  attempts: number;
  type: string;
  subject: string;
  payload: unknown;
  event_created_at: Date;
  endpoint_id: string;
  url: string;
  secret_sealed: Buffer;
  kek_version: number;
}

interface Outcome {
  statusCode: number | null;
  latencyMs: number;
  error: string | null;
}

const SYSTEM = systemActor();

/** The body every attempt of an event carries, byte for byte. */
export function deliveryBody(event: { type: string; payload: unknown; created_at: Date }): string {
  return JSON.stringify({ type: event.type, timestamp: event.created_at.toISOString(), data: event.payload });
}

async function claimDeliveries(db: Kysely<Database>, worker: string, settings: DeliverySettings) {
  const { rows } = await sql<Claimed>`
    with due as (
      select d.id
      from webhook_delivery d
      join webhook_endpoint e on e.id = d.endpoint_id and e.disabled_at is null
      where d.status = 'pending'
        and d.next_attempt_at <= now()
        and (d.locked_until is null or d.locked_until < now())
        and not exists (
          select 1 from webhook_delivery earlier
          where earlier.endpoint_id = d.endpoint_id and earlier.subject = d.subject
            and earlier.status = 'pending' and earlier.event_seq < d.event_seq)
      order by d.next_attempt_at, d.event_seq
      limit ${settings.batchSize}
      for update of d skip locked
    ), claimed as (
      update webhook_delivery d
      set attempts = d.attempts + 1, locked_by = ${worker},
          locked_until = now() + make_interval(secs => ${settings.leaseMs / 1000})
      from due where d.id = due.id
      returning d.id, d.event_id, d.endpoint_id, d.attempts
    )
    select c.id, c.event_id, c.attempts, o.type, o.subject, o.payload, o.created_at as event_created_at,
           e.id as endpoint_id, e.url, e.secret_sealed, e.kek_version
    from claimed c
    join outbox_event o on o.id = c.event_id
    join webhook_endpoint e on e.id = c.endpoint_id`.execute(db);
  return rows;
}

async function post(delivery: Claimed, signer: Webhook, timeoutMs: number): Promise<Outcome> {
  const body = deliveryBody({ type: delivery.type, payload: delivery.payload, created_at: delivery.event_created_at });
  const now = new Date();
  const signature = signer.sign(delivery.event_id, now, body);
  const started = performance.now();
  try {
    // A redirect (3xx) is an answer, not an instruction: following it could aim Docket elsewhere.
    const status = await postJson(
      delivery.url,
      {
        'content-type': 'application/json',
        'user-agent': 'Docket-Webhooks/1',
        'webhook-id': delivery.event_id,
        'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
        'webhook-signature': signature,
      },
      body,
      timeoutMs,
    );
    const latencyMs = Math.round(performance.now() - started);
    const ok = status >= 200 && status < 300;
    return { statusCode: status, latencyMs, error: ok ? null : `HTTP ${status}` };
  } catch (error) {
    const latencyMs = Math.round(performance.now() - started);
    return { statusCode: null, latencyMs, error: describeFailure(error) };
  }
}

function describeFailure(error: unknown): string {
  if (error instanceof PostTimeout) return 'timed out';
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'request failed';
}

/**
 * Records a round's outcomes with their audit events: one UPDATE for every delivery of the round
 * (its rows unnested from arrays) and one INSERT of the audit events for the rows it changed, in
 * one transaction. Per-delivery statements were most of a delivery's cost.
 */
async function recordOutcomes(
  db: Kysely<Database>,
  worker: string,
  results: { delivery: Claimed; outcome: Outcome }[],
  settings: DeliverySettings,
) {
  if (results.length === 0) return;
  const rows = results.map(({ delivery, outcome }) => {
    const delivered = outcome.error === null;
    const dead = !delivered && delivery.attempts >= settings.maxAttempts;
    return {
      delivery,
      outcome,
      status: delivered ? 'delivered' : dead ? 'dead' : 'pending',
      nextAttemptAt: new Date(Date.now() + backoffDelayMs(delivery.attempts, settings.backoff)),
    };
  });
  const column = <T>(pick: (row: (typeof rows)[number]) => T) => rows.map(pick);
  await db.transaction().execute(async (trx) => {
    const { rows: updated } = await sql<{ id: string }>`
      update webhook_delivery d
      set status = o.status,
          locked_until = null,
          locked_by = null,
          last_status_code = o.status_code,
          last_latency_ms = o.latency_ms,
          last_error = o.error,
          last_attempt_at = now(),
          delivered_at = case when o.status = 'delivered' then now() else d.delivered_at end,
          next_attempt_at = case when o.status = 'pending' then o.next_attempt_at else d.next_attempt_at end
      from unnest(
        ${column((row) => row.delivery.id)}::uuid[],
        ${column((row) => row.status)}::text[],
        ${column((row) => row.outcome.statusCode)}::int[],
        ${column((row) => row.outcome.latencyMs)}::int[],
        ${column((row) => row.outcome.error)}::text[],
        ${column((row) => row.nextAttemptAt.toISOString())}::timestamptz[]
      ) as o(id, status, status_code, latency_ms, error, next_attempt_at)
      where d.id = o.id
        -- A claim that outlived its lease was taken again: the newer claim records its own outcome.
        and d.locked_by = ${worker}
      returning d.id`.execute(trx);
    const changed = new Set(updated.map((row) => row.id));
    const audited = rows
      .filter((row) => changed.has(row.delivery.id))
      .map(({ delivery, outcome, status }) =>
        auditRow(SYSTEM, {
          action:
            status === 'delivered'
              ? 'webhook.delivered'
              : status === 'dead'
                ? 'webhook.dead_lettered'
                : 'webhook.failed',
          outcome: status === 'delivered' ? 'success' : 'failure',
          target: { type: 'webhook_delivery', id: delivery.id },
          details: {
            endpointId: delivery.endpoint_id,
            eventId: delivery.event_id,
            eventType: delivery.type,
            attempt: delivery.attempts,
            statusCode: outcome.statusCode,
            latencyMs: outcome.latencyMs,
            ...(outcome.error ? { error: outcome.error } : {}),
          },
        }),
      );
    if (audited.length > 0) await trx.insertInto('audit_event').values(audited).execute();
  });
}

/** A pump for the job runner: claim-send-record rounds side by side; returns the deliveries tried. */
export function createDeliveryPump(deps: {
  db: Kysely<Database>;
  keyring: Keyring;
  logger: Logger;
  settings: DeliverySettings;
}): Pump {
  const worker = `delivery-${randomUUID()}`;
  const round = async () => {
    const claimed = await claimDeliveries(deps.db, worker, deps.settings);
    // Each endpoint's secret is unsealed once a round, not once a delivery.
    const signers = new Map<string, Webhook>();
    const signerFor = (delivery: Claimed) => {
      let signer = signers.get(delivery.endpoint_id);
      if (!signer) {
        signer = new Webhook(unsealWebhookSecret(deps.keyring, { ...delivery, id: delivery.endpoint_id }));
        signers.set(delivery.endpoint_id, signer);
      }
      return signer;
    };
    const results = await Promise.all(
      claimed.map(async (delivery) => {
        const outcome = await post(delivery, signerFor(delivery), deps.settings.timeoutMs);
        if (outcome.error) {
          deps.logger.warn(
            { delivery: delivery.id, endpoint: delivery.endpoint_id, attempt: delivery.attempts, err: outcome.error },
            'webhook delivery failed',
          );
        }
        return { delivery, outcome };
      }),
    );
    await recordOutcomes(deps.db, worker, results, deps.settings);
    return claimed.length;
  };
  return async () => {
    const tried = await Promise.all(Array.from({ length: deps.settings.rounds }, round));
    return tried.reduce((sum, count) => sum + count, 0);
  };
}

/**
 * Outbox delivery to a local receiver: BENCH_OUTBOX_EVENTS events (default 5,000) over 1,000
 * subjects are written through `enqueueOutboxEvent`, then drained by 1 and then 4 delivery
 * pumps, each on its own connection pool, signing every request the Standard Webhooks way. The
 * figure is delivered events per second (issue 11's target: ≥ 2,000/s). The pumps, the receiver
 * and this script share one Node process here, so the 4-pump figure measures claim contention,
 * not four machines' worth of CPU.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from '@docket/db';
import { sql } from 'kysely';
import pino from 'pino';
import { runSystemAction } from '../src/actions/context';
import { createDeliveryPump } from '../src/webhooks/delivery';
import { createWebhookEndpoint } from '../src/webhooks/endpoints';
import { enqueueOutboxEvent } from '../src/webhooks/outbox';
import { startBenchServer } from './harness';

const EVENTS = Number(process.env.BENCH_OUTBOX_EVENTS ?? 5_000);
const SUBJECTS = 1_000;
const TARGET_PER_SECOND = 2_000;

export async function benchOutbox() {
  // The API process must not deliver too: this run's pumps are the only ones.
  const server = await startBenchServer({ JOBS_POLL_MS: '0' });
  const receiver = createServer((request, response) => {
    request.resume();
    request.on('end', () => response.writeHead(204).end());
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
  try {
    await runSystemAction(server.db, (ctx) =>
      createWebhookEndpoint(ctx, server.keyring, { url, description: 'bench', eventTypes: ['decision.effective'] }),
    );
    console.log(`outbox: ${EVENTS} events over ${SUBJECTS} subjects to a local receiver`);
    for (const pumps of [1, 4]) {
      await server.db.deleteFrom('webhook_delivery').execute();
      const started = performance.now();
      for (let from = 0; from < EVENTS; from += 100) {
        await server.db.transaction().execute(async (trx) => {
          for (let i = from; i < Math.min(EVENTS, from + 100); i++) {
            const subject = `account:${i % SUBJECTS}`;
            await enqueueOutboxEvent(trx, { type: 'decision.effective', subject, data: { subject, n: i } });
          }
        });
      }
      const written = performance.now() - started;
      const delivered = await drain(server.databaseUrl, server.keyring, pumps);
      console.log(
        `  ${pumps} pump(s): ${Math.round(EVENTS / (delivered / 1000))} events/s delivered (target ≥ ${TARGET_PER_SECOND}/s); ` +
          `writing the outbox took ${(written / 1000).toFixed(1)} s (${Math.round(EVENTS / (written / 1000))} events/s)`,
      );
    }
  } finally {
    receiver.close();
    await server.close();
  }
}

/** Runs `pumps` delivery pumps until nothing is pending; returns the milliseconds it took. */
async function drain(databaseUrl: string, keyring: Parameters<typeof createDeliveryPump>[0]['keyring'], pumps: number) {
  const connections = await Promise.all(Array.from({ length: pumps }, () => connect({ databaseUrl, poolSize: 20 })));
  const logger = pino({ level: 'silent' });
  const settings = {
    maxAttempts: 3,
    backoff: { baseMs: 1_000, capMs: 1_000 },
    leaseMs: 60_000,
    timeoutMs: 10_000,
    batchSize: 100,
  };
  const started = performance.now();
  try {
    await Promise.all(
      connections.map(async ({ db }) => {
        const pump = createDeliveryPump({ db, keyring, logger, settings });
        for (;;) {
          if ((await pump()) > 0) continue;
          const { rows } = await sql<{ pending: boolean }>`
            select exists (select 1 from webhook_delivery where status = 'pending') as pending`.execute(db);
          if (!rows[0]?.pending) return;
        }
      }),
    );
    return performance.now() - started;
  } finally {
    await Promise.all(connections.map((connection) => connection.close()));
  }
}

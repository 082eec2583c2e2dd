/**
 * `pnpm bench outbox` (issue 11's figures), with real API processes (`bench/server.ts` running the
 * job runner, as `pnpm start` does) delivering to a local receiver in this process:
 * - throughput: a backlog of BENCH_OUTBOX_EVENTS (default 20,000) over 1,000 subjects, drained by
 *   1 and then 4 API processes (target ≥ 2,000 events/s);
 * - latency from commit to arrival at 200 decisions/s for BENCH_OUTBOX_SECONDS (default 10), at
 *   the default poll interval and a short one (target p99 ≤ 1 s);
 * - a BENCH_OUTBOX_BACKLOG (default 100,000) backlog drained by one API process, its RSS sampled;
 * - the cost of the outbox: an action that emits (audit + outbox) against the same action's SQL
 *   without the outbox row, as a ratio.
 * The receiver answers 204 at once without verifying, so the figures are Docket's side only.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus } from 'node:os';
import { sql } from 'kysely';
import { runSystemAction, systemActor } from '../src/actions/context';
import { recordAuditEvent } from '../src/audit/record';
import { sendTestEvent } from '../src/webhooks/deliveries';
import { createWebhookEndpoint } from '../src/webhooks/endpoints';
import { enqueueOutboxEvent } from '../src/webhooks/outbox';
import { type BenchServer, cpuCost, paced, percentile, saturated, startBenchServer } from './harness';

const EVENTS = Number(process.env.BENCH_OUTBOX_EVENTS ?? 20_000);
const BACKLOG = Number(process.env.BENCH_OUTBOX_BACKLOG ?? 100_000);
const LATENCY_SECONDS = Number(process.env.BENCH_OUTBOX_SECONDS ?? 10);
const DECISIONS_PER_SECOND = 200;
const SUBJECTS = 1_000;
const TARGET_PER_SECOND = 2_000;

/** A platform that answers at once and notes when each `webhook-id` first arrived. */
async function startReceiver() {
  const arrivals = new Map<string, number>();
  const server = createServer((request, response) => {
    const id = String(request.headers['webhook-id']);
    if (!arrivals.has(id)) arrivals.set(id, performance.now());
    request.resume();
    request.on('end', () => response.writeHead(204).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    arrivals,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
type Receiver = Awaited<ReturnType<typeof startReceiver>>;

/** `count` events written the way actions write them, 500 to a transaction, by 4 writers. */
async function writeBacklog(server: BenchServer, count: number) {
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < count) {
        const from = next;
        next = Math.min(count, next + 500);
        const to = next;
        await server.db.transaction().execute(async (trx) => {
          for (let i = from; i < to; i++) {
            const subject = `account:${i % SUBJECTS}`;
            await enqueueOutboxEvent(trx, { type: 'decision.effective', subject, data: { subject, n: i } });
          }
        });
      }
    }),
  );
  return count / ((performance.now() - started) / 1000);
}

async function untilArrived(receiver: Receiver, count: number, onWait?: () => void) {
  while (receiver.arrivals.size < count) {
    onWait?.();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Pauses the endpoint while processes start, so the clock starts with every one of them ready. */
const setPaused = (server: BenchServer, paused: boolean) =>
  server.db
    .updateTable('webhook_endpoint')
    .set({ disabled_at: paused ? new Date() : null })
    .execute();

function rssMiB(pid: number) {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
  return Number(line?.[1] ?? 0) / 1024;
}

async function throughput(server: BenchServer, receiver: Receiver, processes: number) {
  receiver.arrivals.clear();
  const written = await writeBacklog(server, EVENTS);
  await setPaused(server, true);
  const replicas = await Promise.all(
    Array.from({ length: processes }, () => server.startReplica({ JOBS_POLL_MS: '100' })),
  );
  const cpu = await cpuCost(
    server,
    replicas.map((replica) => replica.pid),
  );
  const started = performance.now();
  await setPaused(server, false);
  await untilArrived(receiver, EVENTS);
  const seconds = (Math.max(...receiver.arrivals.values()) - started) / 1000;
  const spent = await cpu.spent();
  const perEvent = (seconds: number) => ((seconds * 1000) / EVENTS).toFixed(3);
  const cpuMsPerEvent = (spent.total * 1000) / EVENTS;
  await Promise.all(replicas.map((replica) => replica.stop()));
  console.log(
    `  ${processes} API process(es): ${Math.round(EVENTS / seconds)} events/s delivered (target ≥ ${TARGET_PER_SECOND}/s); ` +
      `the outbox was written at ${Math.round(written)} events/s`,
  );
  console.log(
    `    CPU per delivered event: ${cpuMsPerEvent.toFixed(3)} ms (API ${perEvent(spent.api)}, PostgreSQL ` +
      `${perEvent(spent.postgres)}, receiver ${perEvent(spent.receiver)}), ` +
      `so ${cpus().length} cores carry at most ${Math.round((cpus().length * 1000) / cpuMsPerEvent)} events/s`,
  );
}

async function latency(server: BenchServer, receiver: Receiver, pollMs: number) {
  receiver.arrivals.clear();
  const replica = await server.startReplica({ JOBS_POLL_MS: String(pollMs) });
  const committed = new Map<string, number>();
  let n = 0;
  const run = await paced(
    async () => {
      const subject = `account:${n++ % SUBJECTS}`;
      const id = await server.db
        .transaction()
        .execute((trx) => enqueueOutboxEvent(trx, { type: 'decision.effective', subject, data: { subject } }));
      committed.set(id, performance.now());
    },
    DECISIONS_PER_SECOND,
    LATENCY_SECONDS,
  );
  await untilArrived(receiver, committed.size);
  await replica.stop();
  const latencies = [...committed].map(([id, at]) => (receiver.arrivals.get(id) ?? Number.NaN) - at);
  latencies.sort((a, b) => a - b);
  console.log(
    `  JOBS_POLL_MS=${pollMs}: ${committed.size} decisions at ${DECISIONS_PER_SECOND}/s (${run.errors} errors), ` +
      `commit → delivery p50 ${Math.round(percentile(latencies, 50))} ms, p99 ${Math.round(percentile(latencies, 99))} ms (target ≤ 1000 ms)`,
  );
}

/** Drains a backlog of `count` with one fresh API process, sampling its RSS as it goes. */
async function drain(server: BenchServer, receiver: Receiver, count: number) {
  receiver.arrivals.clear();
  const written = await writeBacklog(server, count);
  await setPaused(server, true);
  const replica = await server.startReplica({ JOBS_POLL_MS: '100' });
  const idle = rssMiB(replica.pid);
  const samples: number[] = [];
  const started = performance.now();
  await setPaused(server, false);
  let lastSample = 0;
  await untilArrived(receiver, count, () => {
    if (performance.now() - lastSample < 500) return;
    lastSample = performance.now();
    samples.push(rssMiB(replica.pid));
  });
  const seconds = (performance.now() - started) / 1000;
  samples.push(rssMiB(replica.pid));
  await replica.stop();
  return { written, seconds, idle, peak: Math.max(...samples), done: samples.at(-1) ?? Number.NaN };
}

/**
 * The same drain at a tenth of the backlog and at all of it: memory that follows the backlog
 * would show as a higher peak for the larger one. What a drain holds is the rounds in flight.
 */
async function backlogMemory(server: BenchServer, receiver: Receiver) {
  const mib = (value: number) => `${value.toFixed(0)} MiB`;
  const runs = [];
  for (const count of [BACKLOG / 10, BACKLOG]) {
    const run = await drain(server, receiver, count);
    runs.push(run);
    console.log(
      `  ${count} events (written at ${Math.round(run.written)}/s) drained by 1 API process in ${run.seconds.toFixed(1)} s ` +
        `(${Math.round(count / run.seconds)}/s); RSS idle ${mib(run.idle)}, peak ${mib(run.peak)}, done ${mib(run.done)}`,
    );
  }
  const [small, large] = runs as [(typeof runs)[0], (typeof runs)[0]];
  console.log(
    `    peak RSS at ${BACKLOG} events against ${BACKLOG / 10}: ×${(large.peak / small.peak).toFixed(2)} ` +
      '(×1.00 means the backlog costs no memory)',
  );
}

/** The same action — send an endpoint a test event — with its outbox row, and as before issue 11. */
async function outboxCost(server: BenchServer, endpointId: string) {
  const emitting = () => runSystemAction(server.db, (ctx) => sendTestEvent(ctx, endpointId)).then(() => undefined);
  const auditOnly = () =>
    server.db.transaction().execute(async (trx) => {
      await trx.selectFrom('webhook_endpoint').select(['id', 'disabled_at']).where('id', '=', endpointId).execute();
      await recordAuditEvent(trx, systemActor(), {
        action: 'webhook.test_sent',
        target: { type: 'webhook_endpoint', id: endpointId },
      });
    });
  const rates = { emitting: 0, auditOnly: 0 };
  // Interleaved, twice each, so drift in the machine's load falls on both sides.
  for (let round = 0; round < 2; round++) {
    rates.emitting += (await saturated(emitting, 4, 3)).perSecond / 2;
    rates.auditOnly += (await saturated(auditOnly, 4, 3)).perSecond / 2;
  }
  console.log(
    `  emit (audit + outbox + delivery row): ${Math.round(rates.emitting)} actions/s; audit only, as before: ` +
      `${Math.round(rates.auditOnly)} actions/s; the outbox costs ×${(rates.auditOnly / rates.emitting).toFixed(2)} per action`,
  );
}

export async function benchOutbox() {
  // The API process serves but does not deliver (JOBS_POLL_MS=0): its replicas do.
  const server = await startBenchServer();
  const receiver = await startReceiver();
  try {
    const endpoint = await runSystemAction(server.db, (ctx) =>
      createWebhookEndpoint(ctx, server.keyring, {
        url: receiver.url,
        description: 'bench',
        eventTypes: ['decision.effective', 'webhook.test'],
      }),
    );
    console.log(`outbox: delivery by API processes to a local receiver, ${SUBJECTS} subjects`);
    for (const processes of [1, 4]) await throughput(server, receiver, processes);
    console.log(`outbox: latency from commit to delivery, one API process`);
    for (const pollMs of [250, 100]) await latency(server, receiver, pollMs);
    console.log('outbox: a backlog drains in flat memory');
    await backlogMemory(server, receiver);
    console.log('outbox: the cost of the outbox row in an action');
    await outboxCost(server, endpoint.id);
    const { rows } = await sql<{ pending: string }>`
      select count(*) as pending from webhook_delivery where status = 'pending'`.execute(server.db);
    console.log(`  (${rows[0]?.pending} test-event deliveries left pending: no process delivered during that part)`);
  } finally {
    await receiver.close();
    await server.close();
  }
}

/**
 * Prometheus metrics (ADR 034): requests by route and status, latency, server errors, the pool,
 * the background loops, and — read from the database at each scrape, so every replica reports
 * the same figures — the sealer's lag, the job backlog and the outbox backlog. Labels are route
 * patterns and status codes only: never ids, never content.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Database } from '@docket/db';
import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import { type Kysely, sql } from 'kysely';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { openAuditWriters, sealBacklog } from '../audit/status';
import type { AppEnv } from '../context';
import { loopState, type Operations, withTimeout } from './health';

/** A scrape never waits longer than this for the database's figures. */
const SCRAPE_DB_TIMEOUT_MS = 2_000;

export function createMetrics(db: Kysely<Database>, ops: Operations) {
  const registry = new Registry();
  let processMetrics = false;

  const requests = new Counter({
    name: 'docket_http_requests_total',
    help: 'Requests answered, by method, route pattern and status.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'docket_http_request_duration_seconds',
    help: 'Time to answer (to the end of the stream, for live events), by method and route pattern.',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'docket_http_server_errors_total',
    help: 'Answers of 500 and above: 503 is a database outage (retryable), 500 a bug.',
    labelNames: ['route', 'status'] as const,
    registers: [registry],
  });
  const inFlight = new Gauge({
    name: 'docket_http_requests_in_flight',
    help: 'Requests being answered now, live-event streams included.',
    registers: [registry],
  });
  const pool = new Gauge({
    name: 'docket_db_pool_connections',
    help: "This process's pool: open, idle and the most allowed connections, and requests waiting for one.",
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const stats = ops.poolStats();
      if (!stats) return;
      this.set({ state: 'open' }, stats.total);
      this.set({ state: 'idle' }, stats.idle);
      this.set({ state: 'waiting' }, stats.waiting);
      this.set({ state: 'max' }, stats.max);
    },
  });
  const loops = new Gauge({
    name: 'docket_background_loop_up',
    help: "1 while this process's loop (sealer, jobs) turns; 0 when stuck or stopped.",
    labelNames: ['loop'] as const,
    registers: [registry],
    collect() {
      for (const loop of ops.loops) this.set({ loop: loop.name }, loopState(loop) === 'running' ? 1 : 0);
    },
  });
  const loopFailing = new Gauge({
    name: 'docket_background_loop_failing',
    help: "1 when this process's last round of the loop failed.",
    labelNames: ['loop'] as const,
    registers: [registry],
    collect() {
      for (const loop of ops.loops) this.set({ loop: loop.name }, loop.health().failing ? 1 : 0);
    },
  });
  const databaseUp = new Gauge({
    name: 'docket_database_up',
    help: 'Whether the database answered this scrape; the backlog figures below are absent when not.',
    registers: [registry],
  });
  const backlog = new Gauge({
    name: 'docket_backlog',
    help: 'Work waiting, across all replicas: audit events not yet sealed, jobs due, webhook deliveries pending or dead.',
    labelNames: ['queue'] as const,
    registers: [registry],
  });
  const oldest = new Gauge({
    name: 'docket_backlog_oldest_seconds',
    help: "Age of the oldest waiting item per queue: for 'audit_seal' this is the sealer's lag.",
    labelNames: ['queue'] as const,
    registers: [registry],
  });
  const sealedSeq = new Gauge({
    name: 'docket_audit_sealed_seq',
    help: "The sealed chain's head.",
    registers: [registry],
  });
  void [pool, loops, loopFailing];

  async function readDatabase() {
    backlog.reset();
    oldest.reset();
    sealedSeq.reset();
    try {
      const figures = await withTimeout(databaseFigures(db), SCRAPE_DB_TIMEOUT_MS);
      databaseUp.set(1);
      for (const figure of figures.queues) {
        backlog.set({ queue: figure.queue }, Number(figure.count));
        oldest.set({ queue: figure.queue }, figure.age ?? 0);
      }
      sealedSeq.set(Number(figures.head));
    } catch {
      databaseUp.set(0);
    }
  }

  const middleware: MiddlewareHandler<AppEnv> = async (c, next) => {
    const started = performance.now();
    inFlight.inc();
    try {
      await next();
    } finally {
      inFlight.dec();
      const route = routePath(c);
      const status = c.res.status;
      requests.inc({ method: c.req.method, route, status: String(status) });
      duration.observe({ method: c.req.method, route }, (performance.now() - started) / 1000);
      if (status >= 500) errors.inc({ route, status: String(status) });
    }
  };

  return {
    registry,
    middleware,
    /** The exposition text, with this moment's database figures. */
    async scrape(): Promise<{ contentType: string; body: string }> {
      // Heap, RSS, event-loop lag, GC: registered at the first scrape, so apps built by tests cost nothing.
      if (!processMetrics) {
        collectDefaultMetrics({ register: registry, prefix: 'docket_' });
        processMetrics = true;
      }
      await readDatabase();
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

async function databaseFigures(db: Kysely<Database>) {
  // The seal backlog as auditors read it (one snapshot for the head and what lies past it).
  const seal = await db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute((trx) => sealBacklog(trx));
  const { rows: queues } = await sql<{ queue: string; count: string; age: number | null }>`
    select 'jobs_due' as queue, count(*)::text as count, extract(epoch from now() - min(run_at))::float8 as age
      from job where finished_at is null and run_at <= now()
    union all
    select 'jobs_leased', count(*)::text, null
      from job where finished_at is null and locked_until > now()
    union all
    select 'outbox_pending', count(*)::text, extract(epoch from now() - min(created_at))::float8
      from webhook_delivery where status = 'pending'
    union all
    select 'outbox_dead', count(*)::text, null
      from webhook_delivery where status = 'dead'`.execute(db);
  queues.push({ queue: 'audit_seal', count: seal.pending?.count ?? '0', age: seal.pending?.age ?? null });
  // Open transactions that wrote audit events: sealing waits for them; one left open shows its age.
  const writers = await openAuditWriters(db);
  queues.push({
    queue: 'audit_open_writers',
    count: String(writers.transactions),
    age: writers.oldestOpenSeconds,
  });
  return { head: seal.head?.seq ?? '0', queues };
}

/**
 * Who may scrape: whoever holds METRICS_TOKEN, as `Authorization: Bearer <token>`. Without a
 * token configured the endpoint does not exist (404), so a deployment exposes nothing by accident.
 */
export function mayScrape(configured: string | undefined, authorization: string | undefined): boolean | 'off' {
  if (!configured) return 'off';
  const given = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
  if (!given) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(configured));
}

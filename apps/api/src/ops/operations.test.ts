/** `/readyz` means ready, `/metrics` answers only its token holder and carries no ids or content. */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { useTestApp } from '../testing/harness';
import type { BackgroundLoop, LoopHealth, Operations } from './health';

const TOKEN = 'metrics-token-for-tests-0123456789';
const t = useTestApp({ METRICS_TOKEN: TOKEN });

function loop(name: 'sealer' | 'jobs', health: Partial<LoopHealth> = {}): BackgroundLoop {
  return {
    name,
    staleAfterMs: 30_000,
    health: () => ({ running: true, lastRoundAt: Date.now(), failing: false, ...health }),
  };
}

function appWith(ops: Partial<Operations>) {
  return createApp({ ...t.deps, ops: { stopping: () => false, loops: [], poolStats: () => null, ...ops } });
}

describe('/readyz', () => {
  it('is ready when the database answers, the schema is current and the loops turn', async () => {
    const app = appWith({ loops: [loop('sealer'), loop('jobs')] });
    const response = await app.request('/readyz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ready',
      database: 'reachable',
      migrations: 'current',
      sealer: 'running',
      jobs: 'running',
    });
  });

  it('is not ready while stopping, so the balancer drains the replica', async () => {
    const response = await appWith({ stopping: () => true }).request('/readyz');
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: 'stopping' });
  });

  it('is not ready when the sealer has not finished a round for too long, or has stopped', async () => {
    const stuck = appWith({ loops: [loop('sealer', { lastRoundAt: Date.now() - 60_000 }), loop('jobs')] });
    expect(await (await stuck.request('/readyz')).json()).toMatchObject({ status: 'unavailable', sealer: 'stuck' });
    const stopped = appWith({ loops: [loop('sealer'), loop('jobs', { running: false })] });
    const response = await stopped.request('/readyz');
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ jobs: 'stopped' });
  });

  it('is not ready on a database whose schema lacks a migration this code has', async () => {
    const newest = await sql<{ name: string }>`select max(name) as name from kysely_migration`.execute(t.db);
    const name = newest.rows[0]?.name as string;
    await sql`delete from kysely_migration where name = ${name}`.execute(t.db);
    try {
      const response = await appWith({}).request('/readyz');
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ database: 'reachable', migrations: 'pending' });
    } finally {
      await sql`insert into kysely_migration (name, timestamp) values (${name}, now()::text)`.execute(t.db);
    }
  });
});

describe('/metrics', () => {
  const scrape = (app: ReturnType<typeof appWith>, token?: string) =>
    app.request('/metrics', token ? { headers: { authorization: `Bearer ${token}` } } : {});

  it('refuses a scrape without the bearer token, and does not exist without a configured one', async () => {
    const app = appWith({});
    expect((await scrape(app)).status).toBe(401);
    expect((await scrape(app, 'not-the-token-at-all-0000')).status).toBe(401);
    const off = createApp({ ...t.deps, config: { ...t.deps.config, metricsToken: undefined } });
    expect((await off.request('/metrics', { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
  });

  it('counts requests by route pattern, with latency, pool, loops, backlogs and process memory', async () => {
    const app = appWith({
      loops: [loop('sealer'), loop('jobs', { failing: true })],
      poolStats: () => ({ total: 3, idle: 1, waiting: 0, max: 20 }),
    });
    const caseId = '00000000-0000-4000-8000-000000000001';
    await app.request(`/api/cases/${caseId}`);
    await app.request('/healthz');
    const response = await scrape(app, TOKEN);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(text).toMatch(/docket_http_requests_total\{method="GET",route="\/api\/cases\/:id",status="401"\} 1/);
    expect(text).toMatch(/docket_http_request_duration_seconds_bucket\{le="0.005",method="GET",route="\/healthz"\}/);
    expect(text).toContain('docket_db_pool_connections{state="max"} 20');
    expect(text).toContain('docket_background_loop_up{loop="sealer"} 1');
    expect(text).toContain('docket_background_loop_failing{loop="jobs"} 1');
    expect(text).toContain('docket_database_up 1');
    for (const queue of ['audit_seal', 'jobs_due', 'outbox_pending', 'outbox_dead']) {
      expect(text).toMatch(new RegExp(`docket_backlog\\{queue="${queue}"\\} \\d+`));
    }
    expect(text).toMatch(/docket_backlog_oldest_seconds\{queue="audit_seal"\} [\d.e+-]+/);
    expect(text).toMatch(/docket_process_resident_memory_bytes \d+/);
    expect(text).toMatch(/docket_nodejs_heap_size_used_bytes \d+/);
    // Route patterns only: no id ever becomes a label.
    expect(text).not.toContain(caseId);
  });
});

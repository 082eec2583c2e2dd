/**
 * The queue's case list and Find cases at 1,000,000 cases, through the HTTP API as a supervisor:
 * the first page and keyset pages deep in the list (from the 10,000th, 500,000th and last page's rows),
 * in every order Find offers, and a search by conversation id and by an unknown handle. Each
 * shape is requested at a steady pace; target p99 ≤ 50 ms per page at any depth. A signed-in
 * request that reads almost nothing (`/api/auth/session`) is the baseline measured in the same run.
 */
import { loadavg } from 'node:os';
import { CASE_SORTS, type CaseSort } from '@docket/contracts';
import { sql } from 'kysely';
import { encodeCursor } from '../src/http/keyset';
import { generateCases } from './claims';
import { type BenchServer, ms, paced, staffSessions } from './harness';

const CASES = Number(process.env.BENCH_CASES ?? 1_000_000);
const QUEUE = 'other';
const PREFIX = 'bench-list-conv-';
const RATE = 20;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const DEPTHS = [0, Math.min(10_000, CASES / 100), CASES / 2, CASES - 60];

const SORT_SQL: Record<CaseSort, { order: string; at: string }> = {
  priority: { order: 'priority desc, opened_at, id', at: 'opened_at' },
  oldest: { order: 'opened_at, id', at: 'opened_at' },
  newest: { order: 'opened_at desc, id desc', at: 'opened_at' },
  sla: { order: 'sla_due_at, id', at: 'sla_due_at' },
};

/** The key of the row at `offset` in an order, as the API's cursor would carry it (found once, slowly). */
async function keyAt(server: BenchServer, sort: CaseSort, offset: number) {
  const { order, at } = SORT_SQL[sort];
  const { rows } = await sql<{ priority: number; at: string; id: string }>`
    select priority, to_char(${sql.ref(at)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at, id
    from "case" where queue_id = ${QUEUE} order by ${sql.raw(order)} offset ${offset} limit 1`.execute(server.db);
  const row = rows[0];
  if (!row) throw new Error(`no row at ${offset}`);
  return row;
}

export async function benchCaseList(server: BenchServer) {
  const generated = await generateCases(server, { count: CASES, queue: QUEUE, category: 'other', prefix: PREFIX });
  const [supervisor] = await staffSessions(server, 1, ['reviewer', 'supervisor']);
  if (!supervisor) throw new Error('no supervisor');
  /** A page that comes back empty where rows were expected measured nothing: it is an error. */
  const get = async (path: string, empty = false) => {
    const response = await fetch(`${server.baseUrl}${path}`, { headers: supervisor.headers });
    const body = (await response.json()) as { items?: unknown[] };
    if (!response.ok || (!empty && body.items?.length === 0)) {
      throw new Error(`${path}: ${response.status} ${JSON.stringify(body).slice(0, 200)}`);
    }
  };
  const measure = async (path: string, empty = false) => {
    await get(path, empty); // warm-up, as in every other scenario
    return paced(() => get(path, empty), RATE, SECONDS);
  };
  const rows: [string, Awaited<ReturnType<typeof paced>>][] = [];
  const load = [loadavg()[0] ?? 0];

  rows.push(['baseline: GET /api/auth/session', await measure('/api/auth/session')]);
  for (const depth of DEPTHS) {
    let cursor = '';
    if (depth > 0) {
      const key = await keyAt(server, 'priority', depth);
      cursor = `&cursor=${encodeCursor({ priority: key.priority, openedAt: key.at, id: key.id })}`;
    }
    rows.push([`queue list, row ${depth.toLocaleString('en')}`, await measure(`/api/cases?queueId=${QUEUE}${cursor}`)]);
  }
  for (const sort of CASE_SORTS) {
    for (const depth of DEPTHS) {
      let cursor = '';
      if (depth > 0) {
        const key = await keyAt(server, sort, depth);
        cursor = `&cursor=${encodeCursor({ sort, priority: key.priority, at: key.at, id: key.id })}`;
      }
      // Open cases, and any status (Find's default).
      for (const status of ['open', 'any']) {
        const path = `/api/cases/find?queueId=${QUEUE}&status=${status}&sort=${sort}${cursor}`;
        rows.push([`find, ${status}, ${sort}, row ${depth.toLocaleString('en')}`, await measure(path)]);
      }
    }
  }
  const conversation = `${PREFIX}${Math.floor(CASES / 2)}`;
  rows.push(['search: a conversation id', await measure(`/api/cases/find?q=${conversation}`)]);
  rows.push([
    'search: an unknown @handle (all queues)',
    await measure('/api/cases/find?q=%40nobody-here&status=any', true),
  ]);
  load.push(loadavg()[0] ?? 0);

  console.log(
    `case list and find — ${CASES.toLocaleString('en')} cases in one queue (generated in ${generated.toFixed(1)} s), ${RATE} requests/s for ${SECONDS} s per shape, 50 per page`,
  );
  const baseline = rows[0]?.[1].p99 ?? Number.NaN;
  let worst = 0;
  for (const [name, result] of rows) {
    worst = Math.max(worst, name.startsWith('baseline') ? 0 : result.p99);
    console.log(
      `  ${name.padEnd(44)} p50 ${ms(result.p50).padStart(10)}  p99 ${ms(result.p99).padStart(10)}  ×${(result.p99 / baseline).toFixed(1)} baseline p99${result.errors ? `  (${result.errors} errors)` : ''}`,
    );
  }
  console.log(
    `  worst p99 ${ms(worst)} (target <= 50 ms); load average ${load.map((value) => value.toFixed(2)).join(' → ')}`,
  );
}

/**
 * Claim-next at scale: 1,000,000 open cases and 50 reviewers through the HTTP API.
 * (a) paced — each reviewer claims and releases about once a second: claim latency p50/p99;
 * (b) saturated — 50 clients claim back to back (skipping the previous case), against the same
 *     claim SQL run directly by 50 database connections;
 * (c) the queues page's counts at that size.
 */
import { sql } from 'kysely';
import { type BenchServer, load, ms, paced, saturated, settle, staffSessions } from './harness';
import { perSecond, recordRow } from './table';

const CASES = Number(process.env.BENCH_CASES ?? 1_000_000);
const REVIEWERS = 50;
const QUEUE = 'scams_spam';

/**
 * `count` open cases in one queue, each on a conversation of its own, in two statements. Realistic
 * spread: a fifth with minors, ages over two weeks, a few with several reports.
 */
export async function generateCases(
  server: BenchServer,
  options: { count: number; queue: string; category: string; prefix: string },
) {
  const { count, queue, category, prefix } = options;
  const started = performance.now();
  await sql`insert into conversation (id, participant_ids, dek_wrapped, kek_version)
    select ${prefix}::text || g, '{}', '\\x00'::bytea, 1 from generate_series(1, ${count}) g`.execute(server.db);
  await sql`insert into "case" (conversation_id, queue_id, category, urgent, involves_minor, report_count, opened_at, sla_due_at)
    select ${prefix}::text || g, ${queue}, ${category}, false, g % 5 = 0, 1 + (g % 7 = 0)::int * (g % 3),
      now() - make_interval(secs => (g % 1209600)), now() + interval '2 days' - make_interval(secs => (g % 1209600))
    from generate_series(1, ${count}) g`.execute(server.db);
  await sql`analyze "case"`.execute(server.db);
  return (performance.now() - started) / 1000;
}

export async function benchClaims(server: BenchServer) {
  const generated = await generateCases(server, {
    count: CASES,
    queue: QUEUE,
    category: 'spam',
    prefix: 'bench-conv-',
  });
  const reviewers = await staffSessions(server, REVIEWERS, ['reviewer']);
  const post = async (path: string, headers: Record<string, string>, body: unknown) => {
    const { status, text } = await load(`${server.baseUrl}${path}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
    });
    if (status >= 300) throw new Error(`${path}: ${status} ${text}`);
    return text ? (JSON.parse(text) as { case?: { id: string } | null }) : {};
  };

  await settle(server);

  // (a) paced: each op is one reviewer claiming (timed) and releasing (not timed).
  let turn = 0;
  const claimLatencies: number[] = [];
  const pacedResult = await paced(
    async () => {
      const reviewer = reviewers[turn++ % REVIEWERS] as (typeof reviewers)[number];
      const started = performance.now();
      const claimed = await post(`/api/queues/${QUEUE}/claim-next`, reviewer.headers, {});
      claimLatencies.push(performance.now() - started);
      if (claimed.case) await post(`/api/cases/${claimed.case.id}/release`, reviewer.headers, {});
    },
    REVIEWERS,
    10,
  );
  claimLatencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    claimLatencies[Math.min(claimLatencies.length - 1, Math.ceil((p / 100) * claimLatencies.length) - 1)] ?? Number.NaN;

  // (b) saturated through the API: claim-next skipping the case claimed last time.
  const previous = new Map<number, string | undefined>();
  const api = await saturated(
    async (index) => {
      const reviewer = reviewers[index] as (typeof reviewers)[number];
      const skip = previous.get(index);
      const claimed = await post(`/api/queues/${QUEUE}/claim-next`, reviewer.headers, skip ? { skip } : {});
      previous.set(index, claimed.case?.id);
    },
    REVIEWERS,
    10,
  );

  // The same claim SQL, straight from 50 database connections: release the last, claim the next.
  const direct = new Map<number, string | undefined>();
  const raw = await saturated(
    async (index) => {
      const reviewer = reviewers[index] as (typeof reviewers)[number];
      const last = direct.get(index);
      const row = await sql<{ id: string }>`
      with released as (
        update "case" set assignee_id = null, lease_expires_at = null where id = ${last ?? null}::uuid and assignee_id = ${reviewer.id}
      ), unheld as (
        select id, priority, opened_at from "case" where queue_id = ${QUEUE} and status = 'open' and assignee_id is null
          and id is distinct from ${last ?? null}::uuid order by priority desc, opened_at limit 1 for update skip locked
      ), lapsed as (
        select id, priority, opened_at from "case" where queue_id = ${QUEUE} and status = 'open' and assignee_id is not null
          and lease_expires_at <= now() and id is distinct from ${last ?? null}::uuid
          order by priority desc, opened_at limit 1 for update skip locked
      )
      update "case" set assignee_id = ${reviewer.id}, lease_expires_at = now() + interval '10 minutes', claimed_at = now()
      where id = (select id from (select * from unheld union all select * from lapsed) candidates order by priority desc, opened_at limit 1)
      returning id`.execute(server.db);
      direct.set(index, row.rows[0]?.id);
    },
    REVIEWERS,
    10,
  );

  // (c) the queues page at this size, in steady state: the first request (which computes the
  // shared summary) is a warm-up, as in every other scenario.
  const viewer = reviewers[0] as (typeof reviewers)[number];
  await fetch(`${server.baseUrl}/api/queues`, { headers: viewer.headers }).then((r) => r.arrayBuffer());
  const counts = await paced(
    async () => {
      const response = await fetch(`${server.baseUrl}/api/queues`, { headers: viewer.headers });
      await response.arrayBuffer();
    },
    20,
    10,
  );

  console.log(
    `claim next — ${CASES.toLocaleString('en')} open cases (generated in ${generated.toFixed(1)} s), ${REVIEWERS} reviewers`,
  );
  console.log(
    `  (a) paced, ~1 claim/s per reviewer: p50 ${ms(pct(50))}  p99 ${ms(pct(99))}  (${claimLatencies.length} claims, ${pacedResult.errors} errors; target p99 <= 25 ms)`,
  );
  console.log(
    `  (b) saturated, ${REVIEWERS} clients: API ${api.perSecond.toFixed(0)} claims/s (${api.errors} errors); direct SQL ${raw.perSecond.toFixed(0)} claims/s`,
  );
  for (const [name, result] of [
    ['API', api],
    ['direct SQL', raw],
  ] as const) {
    for (const [kind, count] of result.errorKinds) console.log(`      ${name} error x${count}: ${kind}`);
  }
  console.log(`      ratio ${(api.perSecond / raw.perSecond).toFixed(2)}x (target >= 0.5x)`);
  recordRow({
    work: `claim next, paced, ${CASES.toLocaleString('en')} open cases`,
    now: `p99 ${ms(pct(99))}`,
    target: 'p99 ≤ 25 ms',
    met: pct(99) <= 25 && pacedResult.errors === 0,
  });
  recordRow({
    work: `claim next, ${REVIEWERS} clients saturated`,
    now: perSecond(api.perSecond),
    baseline: `same claim SQL direct ${perSecond(raw.perSecond)}`,
    ratio: api.perSecond / raw.perSecond,
    target: '≥ 0.5×',
    met: api.perSecond / raw.perSecond >= 0.5 && api.errors === 0,
  });
  console.log(`  (c) queues page counts: p50 ${ms(counts.p50)}  p99 ${ms(counts.p99)}  (target p99 <= 50 ms)`);
}

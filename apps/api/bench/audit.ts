/**
 * The audit log under load, in one run on one API process that seals as production does:
 * (a) audited actions per second through the API at 32 clients (a reviewer revealing evidence on
 *     a held case: permission, lease check, one audit event) against raw single-row INSERT
 *     transactions into a copy of audit_event from pgbench at the same concurrency (target ≥ 0.25×);
 * (b) the sealer: whether it keeps up with (a), and its catch-up rate on a large backlog
 *     (target ≥ 20,000 events/s);
 * (c) an export of 1,000,000 sealed events through the API: rows/s against COPY … TO STDOUT of the
 *     same rows (target ≥ 0.3×), and the API process's peak RSS meanwhile (target ≤ 200 MB);
 * (d) the offline verifier over that export (target ≥ 150,000 events/s).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { KeysDocument } from '@docket/audit-chain';
import { verifyBundleFile } from '@docket/audit-chain/node';
import { connect } from '@docket/db';
import { sql } from 'kysely';
import { type BenchServer, load, saturated, settle, staffSessions, startBenchServer } from './harness';
import { databaseCpuSeconds, writeAuditEvents } from './sealer';
import { childrenCpuSeconds, cpuSeconds, loadAverage, machineBusySeconds, perSecond, recordRow, rssMb } from './table';

const run = promisify(execFile);
const CLIENTS = 32;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const EXPORT_EVENTS = Number(process.env.BENCH_EXPORT_EVENTS ?? 1_000_000);
const count = (n: number) => Math.round(n).toLocaleString('en');
const verdict = (met: boolean) => (met ? 'met' : 'NOT met');

async function sealedThrough(server: BenchServer): Promise<number> {
  const { rows } = await sql<{ seq: string | null }>`select max(seq)::text as seq from audit_seal`.execute(server.db);
  return Number(rows[0]?.seq ?? 0);
}

async function eventCount(server: BenchServer): Promise<number> {
  const { rows } = await sql<{ n: string }>`select count(*)::text as n from audit_event`.execute(server.db);
  return Number(rows[0]?.n ?? 0);
}

/** Waits until every committed event is sealed; returns the seconds it took. */
async function waitUntilSealed(server: BenchServer, timeoutSeconds = 600): Promise<number> {
  const started = performance.now();
  const target = await eventCount(server);
  while ((await sealedThrough(server)) < target) {
    if (performance.now() - started > timeoutSeconds * 1000) throw new Error('the sealer did not catch up');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return (performance.now() - started) / 1000;
}

/** Each of `reviewers` holds one case of its own for the whole run. */
export async function holdCases(server: BenchServer, reviewers: { id: string }[]) {
  await sql`insert into conversation (id, participant_ids, dek_wrapped, kek_version)
    select 'bench-audit-conv-' || g, '{}', '\\x00'::bytea, 1 from generate_series(1, ${reviewers.length}) g`.execute(
    server.db,
  );
  const { rows } = await sql<{ id: string }>`
    insert into "case" (conversation_id, queue_id, category, urgent, involves_minor, report_count, opened_at, sla_due_at,
                        assignee_id, lease_expires_at, claimed_at)
    select 'bench-audit-conv-' || g, 'scams_spam', 'spam', false, false, 1, now(), now() + interval '2 days',
           (${JSON.stringify(reviewers.map((r) => r.id))}::jsonb ->> (g - 1))::uuid, now() + interval '1 hour', now()
    from generate_series(1, ${reviewers.length}) g
    order by g
    returning id`.execute(server.db);
  return rows.map((row) => row.id);
}

async function pgbenchInserts(server: BenchServer, dir: string) {
  await sql`create table bench_raw_audit (like audit_event including all)`.execute(server.db);
  const script = path.join(dir, 'insert.sql');
  writeFileSync(
    script,
    `insert into bench_raw_audit (actor_type, actor_id, actor_label, actor_roles, action, outcome, target_type, target_id,
      case_id, details, request_id, ip, user_agent)
     values ('staff', '7c0b3f4e-3a55-4f2f-9e43-5d6ab4f0c1aa', 'bench-reviewer-1', '{reviewer}', 'evidence.revealed', 'success',
      'case', '3f1e2d9c-1b7a-4c55-8f0e-6a2b9d4c7e11', '3f1e2d9c-1b7a-4c55-8f0e-6a2b9d4c7e11', '{}', 'bench-request',
      '127.0.0.1', 'pgbench');\n`,
  );
  const { stdout } = await run('pgbench', [
    '--no-vacuum',
    '--client',
    String(CLIENTS),
    '--jobs',
    '2',
    '--time',
    String(SECONDS),
    '--file',
    script,
    server.databaseUrl,
  ]);
  await sql`drop table bench_raw_audit`.execute(server.db);
  const tps = Number(stdout.match(/tps = ([\d.]+)/)?.[1]);
  if (!Number.isFinite(tps)) throw new Error(`pgbench printed no tps:\n${stdout}`);
  return tps;
}

/** CPU seconds so far: the API process, its database's backends, this bench process, the machine. */
async function cpuNow(server: BenchServer) {
  const usage = process.cpuUsage();
  return {
    api: cpuSeconds(server.pid),
    database: (await databaseCpuSeconds(server)) ?? Number.NaN,
    bench: (usage.user + usage.system) / 1e6,
    busy: machineBusySeconds(),
  };
}

/** Samples the API process's resident memory while `work` runs; returns the peak in MB. */
async function peakRss<T>(pid: number, work: () => Promise<T>): Promise<{ result: T; peakMb: number }> {
  const rss = () => rssMb(pid);
  let peak = rss();
  const sampler = setInterval(() => {
    peak = Math.max(peak, rss());
  }, 25);
  try {
    return { result: await work(), peakMb: peak };
  } finally {
    clearInterval(sampler);
  }
}

export async function benchAudit() {
  // Its own server: sealing on, every 250 ms, inside the API process as in production.
  const server = await startBenchServer({ AUDIT_SEAL_INTERVAL_MS: '250' });
  const dir = mkdtempSync(path.join(tmpdir(), 'docket-bench-audit-'));
  try {
    const reviewers = await staffSessions(server, CLIENTS, ['reviewer']);
    const cases = await holdCases(server, reviewers);
    const [auditor] = await staffSessions(server, 1, ['auditor']);
    await waitUntilSealed(server);

    // (a) audited actions through the API, and (b) the sealer alongside.
    const reveal = async (client: number) => {
      const reviewer = reviewers[client] as (typeof reviewers)[number];
      const { status, text } = await load(`${server.baseUrl}/api/cases/${cases[client]}/evidence/reveal`, {
        method: 'POST',
        headers: reviewer.headers,
      });
      if (status !== 204) throw new Error(`reveal: ${status} ${text}`);
    };
    await saturated(reveal, CLIENTS, 2); // warm-up, as in every other scenario: JIT, pool, plans
    await waitUntilSealed(server);
    await settle(server);
    console.log(`audit (a): ${CLIENTS} clients revealing evidence on held cases for ${SECONDS} s…`);
    const sealedBefore = await sealedThrough(server);
    const eventsBefore = await eventCount(server);
    const cpuBefore = await cpuNow(server);
    const api = await saturated(reveal, CLIENTS, SECONDS);
    const cpuAfter = await cpuNow(server);
    const written = (await eventCount(server)) - eventsBefore;
    const sealedDuring = (await sealedThrough(server)) - sealedBefore;
    const drainSeconds = await waitUntilSealed(server);
    const [pgbenchBusy, pgbenchOwn] = [machineBusySeconds(), childrenCpuSeconds()];
    const raw = await pgbenchInserts(server, dir);
    const pgbenchCpu = { busy: machineBusySeconds() - pgbenchBusy, client: childrenCpuSeconds() - pgbenchOwn };
    const ratio = api.perSecond / raw;
    // Where the two cores went, per action: what the API row and the baseline each cost the machine.
    const perReveal = (seconds: number) => `${Math.round((seconds * 1e6) / written)} µs`;
    const perInsert = (seconds: number) => `${Math.round((seconds * 1e6) / (raw * SECONDS))} µs`;
    console.log(
      `  CPU per reveal: API ${perReveal(cpuAfter.api - cpuBefore.api)}, PostgreSQL backends ` +
        `${perReveal(cpuAfter.database - cpuBefore.database)}, load generator ${perReveal(cpuAfter.bench - cpuBefore.bench)}, ` +
        `whole machine ${perReveal(cpuAfter.busy - cpuBefore.busy)}; per pgbench insert: pgbench ` +
        `${perInsert(pgbenchCpu.client)}, whole machine ${perInsert(pgbenchCpu.busy)}`,
    );
    console.log(
      `  API: ${count(api.perSecond)} audited actions/s (${api.errors} errors); pgbench raw single-row INSERT ` +
        `transactions at ${CLIENTS} clients: ${count(raw)}/s → ${ratio.toFixed(2)}× (target ≥ 0.25×, ${verdict(ratio >= 0.25)})`,
    );
    recordRow({
      work: `audited action (reveal evidence), ${CLIENTS} clients`,
      now: perSecond(api.perSecond),
      baseline: `pgbench single-row INSERT ${perSecond(raw)}`,
      ratio,
      target: '≥ 0.25×',
      met: ratio >= 0.25 && api.errors === 0,
    });
    recordRow({
      work: `sealer while ${CLIENTS} API clients write flat out`,
      now: `${perSecond(sealedDuring / SECONDS)} sealed, ${perSecond(written / SECONDS)} written, drained ${drainSeconds.toFixed(1)} s after`,
      target: 'keeps up (drained < 2 s after)',
      met: drainSeconds < 2,
    });
    console.log(
      `audit (b): during (a) ${count(written)} events were written and ${count(sealedDuring)} sealed; ` +
        `the rest was sealed ${drainSeconds.toFixed(1)} s after the load stopped ` +
        `(${verdict(drainSeconds < 2)}: keeps up within a sealing round or two)`,
    );

    // (b) again, on a backlog: EXPORT_EVENTS events written directly, then the API's sealer catching up.
    const backlog = EXPORT_EVENTS - (await eventCount(server));
    console.log(`audit (b): writing ${count(backlog)} more events in transactions of 1–10 for the backlog…`);
    const writing = performance.now();
    const sealedAtStart = await sealedThrough(server);
    // The sealer's own lock, held while the backlog is written, so what follows is a real catch-up.
    const hold = await connect({ databaseUrl: server.databaseUrl, poolSize: 1 });
    const held = await hold.db.connection().execute(async (db) => {
      await sql`select pg_advisory_lock(hashtext('docket.audit_sealer'))`.execute(db);
      await writeAuditEvents(server, 'audit_event', backlog, (n) => 1 + (n % 10));
      const sealed = (await sealedThrough(server)) - sealedAtStart;
      await sql`select pg_advisory_unlock(hashtext('docket.audit_sealer'))`.execute(db);
      return sealed;
    });
    await hold.close();
    const writeSeconds = (performance.now() - writing) / 1000;
    const sealedWhileWriting = held;
    const remaining = (await eventCount(server)) - (await sealedThrough(server));
    // CPU per sealed event on each side: unlike the wall clock, it holds on a busy machine.
    const apiCpuBefore = cpuSeconds(server.pid);
    const databaseCpuBefore = await databaseCpuSeconds(server);
    const drain = await waitUntilSealed(server);
    const drainRate = remaining / drain;
    const databaseCpuAfter = await databaseCpuSeconds(server);
    const microsPerEvent = (seconds: number) => `${((seconds * 1e6) / remaining).toFixed(1)} µs`;
    const catchUpCpu =
      `CPU per sealed event: ${microsPerEvent(cpuSeconds(server.pid) - apiCpuBefore)} in the API process` +
      (databaseCpuBefore === null || databaseCpuAfter === null
        ? ''
        : `, ${microsPerEvent(databaseCpuAfter - databaseCpuBefore)} in PostgreSQL`);
    recordRow({
      work: `sealer catching up on ${count(remaining)} events`,
      now: perSecond(drainRate),
      target: '≥ 20,000/s',
      met: drainRate >= 20_000,
    });
    console.log(
      `  written at ${count(backlog / writeSeconds)} events/s with the sealer held off (${count(sealedWhileWriting)} sealed meanwhile), ` +
        `then the remaining ${count(remaining)} in ${drain.toFixed(1)} s: ` +
        `${count(drainRate)} events/s catching up (target ≥ 20,000/s, ${verdict(drainRate >= 20_000)}); ` +
        `${catchUpCpu} (load average ${loadAverage()})`,
    );

    // (c) the export of all of it through the API, against COPY of the same rows. Statistics as
    // autovacuum would have them by now (the burst above outran it), for both sides alike.
    await sql`analyze audit_event, audit_seal, audit_checkpoint`.execute(server.db);
    await settle(server);
    const idleRss = rssMb(server.pid);
    const file = path.join(dir, 'export.zip');
    const from = '2000-01-01T00:00:00.000Z';
    const to = new Date(Date.now() + 60_000).toISOString();
    const exportCpu = cpuSeconds(server.pid);
    const exporting = performance.now();
    const { result: lines, peakMb } = await peakRss(server.pid, async () => {
      // Received by curl, as the baseline's rows are by psql: a client that costs next to nothing, so
      // the two cores left for PostgreSQL and the API are not shared with a JavaScript download loop.
      const url = `${server.baseUrl}/api/audit/export?scope=period&from=${from}&to=${to}`;
      const cookie = (auditor as (typeof reviewers)[number]).headers.cookie;
      const { stdout } = await run('curl', ['-sS', '--fail', '-o', file, '-D', '-', '-H', `cookie: ${cookie}`, url]);
      return Number(/^x-docket-export-lines: *(\d+)/im.exec(stdout)?.[1]);
    });
    const exportSeconds = (performance.now() - exporting) / 1000;
    const exportCpuPerRow = ((cpuSeconds(server.pid) - exportCpu) / lines) * 1e6;
    const copying = performance.now();
    await run('sh', [
      '-c',
      `psql "$0" -qAt -c "copy (select seq, encode(leaf, 'hex'), encode(chain, 'hex'), record from audit_seal ` +
        `where seq <= ${lines} order by seq) to stdout" > /dev/null`,
      server.databaseUrl,
    ]);
    const copySeconds = (performance.now() - copying) / 1000;
    const exportRatio = lines / exportSeconds / (lines / copySeconds);
    recordRow({
      work: `export of ${count(lines)} events`,
      now: `${perSecond(lines / exportSeconds)} rows`,
      baseline: `COPY … TO STDOUT ${perSecond(lines / copySeconds)}`,
      ratio: exportRatio,
      target: '≥ 0.3×',
      met: exportRatio >= 0.3,
    });
    recordRow({
      work: 'API RSS during that export',
      now: `${peakMb.toFixed(0)} MB peak (${idleRss.toFixed(0)} MB before)`,
      target: '≤ 200 MB',
      met: peakMb <= 200,
    });
    console.log(
      `audit (c): exported ${count(lines)} events (${(statSync(file).size / 1e6).toFixed(0)} MB) in ${exportSeconds.toFixed(1)} s: ` +
        `${count(lines / exportSeconds)} rows/s; COPY … TO STDOUT of the same rows: ${count(lines / copySeconds)} rows/s → ` +
        `${exportRatio.toFixed(2)}× (target ≥ 0.3×, ${verdict(exportRatio >= 0.3)}); API CPU ${exportCpuPerRow.toFixed(2)} µs per row; API peak RSS ${peakMb.toFixed(0)} MB (${idleRss.toFixed(0)} MB before) ` +
        `(target ≤ 200 MB, ${verdict(peakMb <= 200)})`,
    );

    // (d) the offline verifier over that very file, pinned to the keys the API publishes.
    const keys = (await (await fetch(`${server.baseUrl}/api/audit/keys`)).json()) as KeysDocument;
    const verifying = performance.now();
    const verified = await verifyBundleFile(file, { trust: { keys } });
    const verifySeconds = (performance.now() - verifying) / 1000;
    if (!verified.ok) throw new Error(`the export does not verify: ${verified.reason}`);
    const verifyRate = (verified.events + verified.elided) / verifySeconds;
    recordRow({
      work: 'docket-verify on that export',
      now: `${perSecond(verifyRate)} events`,
      target: '≥ 150,000/s',
      met: verifyRate >= 150_000,
    });
    console.log(
      `audit (d): docket-verify checked ${count(verified.events)} events and ${verified.checkpoints} checkpoints in ` +
        `${verifySeconds.toFixed(1)} s: ${count(verifyRate)} events/s (target ≥ 150,000/s, ${verdict(verifyRate >= 150_000)}) ` +
        `— load average ${readFileSync('/proc/loadavg', 'utf8').split(' ')[0]}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await server.close();
  }
}

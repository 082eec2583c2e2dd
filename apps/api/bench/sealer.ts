/**
 * The audit sealer catching up: BENCH_SEALER_EVENTS events (default 300,000) written directly in
 * realistic transactions of 1–3 events — each one taking its commit ticket through the trigger,
 * as the API's do — then sealing rounds timed until nothing is pending, and the whole stored chain
 * verified once. The figure is sealed events per second (target ≥ 20,000/s). For the writers' side,
 * the same transactions into a copy of the table without the commit-ticket trigger, as a baseline.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { connect } from '@docket/db';
import { sql } from 'kysely';
import { sealPendingEvents } from '../src/audit/sealer';
import { SigningKeyFile } from '../src/audit/signing-keys';
import { verifyStoredChain } from '../src/audit/verify';
import type { BenchServer } from './harness';
import { cpuSeconds } from './table';

const EVENTS = Number(process.env.BENCH_SEALER_EVENTS ?? 300_000);
const WRITERS = 8;
const TARGET_PER_SECOND = 20_000;

/** One transaction of `count` events shaped like the API's: staff actor, target, case, details, client. */
function writeTransaction(table: string, transaction: number, count: number) {
  const n = sql.lit(transaction);
  return sql`
    insert into ${sql.table(table)} (actor_type, actor_id, actor_label, actor_roles, action, outcome, target_type, target_id,
                             case_id, details, request_id, ip, user_agent)
    select 'staff', gen_random_uuid()::text, 'reviewer-' || (${n} % 50), array['reviewer'],
           (array['case.claimed', 'case.opened', 'conversation.read', 'case.decided'])[1 + (${n} + i) % 4],
           'success', 'case', gen_random_uuid()::text, gen_random_uuid(),
           jsonb_build_object('queueId', 'scams_spam', 'messageIds', jsonb_build_array('m17', 'm18', 'm19'), 'n', ${n}),
           'req-' || ${n}, '198.51.100.' || (${n} % 250), 'Mozilla/5.0 (X11; Linux x86_64) Docket bench'
    from generate_series(1, ${sql.lit(count)}) i`;
}

/** Writes `events` audit events from 8 connections, in transactions of `sizeOf(n)` events (1–3 by default). */
export async function writeAuditEvents(
  server: BenchServer,
  table: string,
  events: number,
  sizeOf: (transaction: number) => number = (n) => 1 + (n % 3),
) {
  // Commits without waiting for the disk: loading is setup here, not the figure.
  const url = new URL(server.databaseUrl);
  url.searchParams.set('options', '-c synchronous_commit=off');
  const writers = await connect({ databaseUrl: url.toString(), poolSize: WRITERS });
  let written = 0;
  let transactions = 0;
  const started = performance.now();
  try {
    await Promise.all(
      Array.from({ length: WRITERS }, async () => {
        while (written < events) {
          const n = transactions++;
          const count = Math.min(sizeOf(n), events - written);
          written += count;
          await writeTransaction(table, n, count).execute(writers.db);
        }
      }),
    );
  } finally {
    await writers.close();
  }
  return { transactions, seconds: (performance.now() - started) / 1000 };
}

/**
 * CPU seconds used so far by this database's server processes, when the server runs on this
 * machine (null otherwise): on a shared machine, CPU per event says more than the wall clock.
 */
export async function databaseCpuSeconds(server: Pick<BenchServer, 'db'>): Promise<number | null> {
  const { rows } = await sql<{ pid: number }>`
    select pid from pg_stat_activity where datname = current_database()`.execute(server.db);
  try {
    return rows.reduce((sum, { pid }) => sum + cpuSeconds(pid), 0);
  } catch {
    return null;
  }
}

export async function benchSealer(server: BenchServer) {
  const keysDir = mkdtempSync(path.join(tmpdir(), 'docket-bench-signing-'));
  const keys = SigningKeyFile.create(path.join(keysDir, 'audit-signing.json'));
  try {
    console.log(`audit sealer: writing ${EVENTS.toLocaleString('en')} audit events in transactions of 1–3…`);
    const written = await writeAuditEvents(server, 'audit_event', EVENTS);
    const baselineEvents = Math.ceil(EVENTS / 5);
    await sql`create table bench_audit_event_baseline (like audit_event including all)`.execute(server.db);
    const baseline = await writeAuditEvents(server, 'bench_audit_event_baseline', baselineEvents);
    await sql`drop table bench_audit_event_baseline`.execute(server.db);
    const rate = (events: number, seconds: number) => Math.round(events / seconds).toLocaleString('en');
    console.log(
      `  written: ${written.transactions.toLocaleString('en')} transactions, ${rate(EVENTS, written.seconds)} events/s ` +
        `with the commit-ticket trigger; ${rate(baselineEvents, baseline.seconds)} events/s into a copy without it`,
    );
    await sql`analyze audit_event`.execute(server.db);
    await sql`analyze audit_commit`.execute(server.db);

    let sealed = 0;
    let rounds = 0;
    const databaseCpuBefore = await databaseCpuSeconds(server);
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    for (;;) {
      const round = await sealPendingEvents(server.db, keys.current());
      if (round.outcome === 'idle') break;
      if (round.outcome !== 'sealed') throw new Error(`sealing round: ${round.outcome}`);
      sealed += round.sealed;
      rounds++;
    }
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const databaseCpuAfter = await databaseCpuSeconds(server);
    const perSecond = sealed / seconds;
    console.log(
      `  sealed: ${sealed.toLocaleString('en')} events in ${seconds.toFixed(1)} s over ${rounds} rounds (one checkpoint each): ` +
        `${Math.round(perSecond).toLocaleString('en')} events/s (target ≥ ${TARGET_PER_SECOND.toLocaleString('en')}/s${
          perSecond >= TARGET_PER_SECOND ? ', met' : ', NOT met'
        })`,
    );

    const nodeMicros = (cpu.user + cpu.system) / sealed;
    const databaseMicros =
      databaseCpuBefore === null || databaseCpuAfter === null
        ? null
        : ((databaseCpuAfter - databaseCpuBefore) * 1e6) / sealed;
    console.log(
      `  CPU per sealed event: ${nodeMicros.toFixed(1)} µs in this process` +
        (databaseMicros === null
          ? ''
          : `, ${databaseMicros.toFixed(1)} µs in PostgreSQL; the two overlap, so with a core each ≈ ` +
            `${Math.round(1e6 / Math.max(nodeMicros, databaseMicros)).toLocaleString('en')} events/s ` +
            `(load average now ${readFileSync('/proc/loadavg', 'utf8').split(' ')[0]})`),
    );

    const verifyStarted = performance.now();
    const verified = await verifyStoredChain(server.db);
    const verifySeconds = (performance.now() - verifyStarted) / 1000;
    if (verified.problem) throw new Error(`stored chain does not verify: ${JSON.stringify(verified.problem)}`);
    console.log(
      `  verified: ${verified.records.toLocaleString('en')} records and ${verified.checkpoints} checkpoints in ` +
        `${verifySeconds.toFixed(1)} s (${Math.round(verified.records / verifySeconds).toLocaleString('en')} records/s)`,
    );
  } finally {
    rmSync(keysDir, { recursive: true, force: true });
  }
}

/**
 * The audit sealer catching up: BENCH_SEALER_EVENTS events (default 300,000) written directly in
 * realistic transactions of 1–3 events — each one taking its commit ticket through the trigger,
 * as the API's do — then sealing rounds timed until nothing is pending, and the whole stored chain
 * verified once. The figure is sealed events per second (target ≥ 20,000/s).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { connect } from '@docket/db';
import { sql } from 'kysely';
import { sealPendingEvents } from '../src/audit/sealer';
import { SigningKeyFile } from '../src/audit/signing-keys';
import { verifyStoredChain } from '../src/audit/verify';
import type { BenchServer } from './harness';

const EVENTS = Number(process.env.BENCH_SEALER_EVENTS ?? 300_000);
const WRITERS = 8;
const TARGET_PER_SECOND = 20_000;

/** One transaction of `count` events shaped like the API's: staff actor, target, case, details, client. */
function writeTransaction(transaction: number, count: number) {
  const n = sql.lit(transaction);
  return sql`
    insert into audit_event (actor_type, actor_id, actor_label, actor_roles, action, outcome, target_type, target_id,
                             case_id, details, request_id, ip, user_agent)
    select 'staff', gen_random_uuid()::text, 'reviewer-' || (${n} % 50), array['reviewer'],
           (array['case.claimed', 'case.opened', 'conversation.read', 'case.decided'])[1 + (${n} + i) % 4],
           'success', 'case', gen_random_uuid()::text, gen_random_uuid(),
           jsonb_build_object('queueId', 'scams_spam', 'messageIds', jsonb_build_array('m17', 'm18', 'm19'), 'n', ${n}),
           'req-' || ${n}, '198.51.100.' || (${n} % 250), 'Mozilla/5.0 (X11; Linux x86_64) Docket bench'
    from generate_series(1, ${sql.lit(count)}) i`;
}

async function write(server: BenchServer) {
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
        while (written < EVENTS) {
          const n = transactions++;
          const count = Math.min(1 + (n % 3), EVENTS - written);
          written += count;
          await writeTransaction(n, count).execute(writers.db);
        }
      }),
    );
  } finally {
    await writers.close();
  }
  return { transactions, seconds: (performance.now() - started) / 1000 };
}

export async function benchSealer(server: BenchServer) {
  const keysDir = mkdtempSync(path.join(tmpdir(), 'docket-bench-signing-'));
  const keys = SigningKeyFile.create(path.join(keysDir, 'audit-signing.json'));
  try {
    console.log(`audit sealer: writing ${EVENTS.toLocaleString('en')} audit events in transactions of 1–3…`);
    const written = await write(server);
    console.log(
      `  written: ${written.transactions.toLocaleString('en')} transactions in ${written.seconds.toFixed(1)} s ` +
        `(${Math.round(EVENTS / written.seconds).toLocaleString('en')} events/s with the commit-ticket trigger)`,
    );
    await sql`analyze audit_event`.execute(server.db);
    await sql`analyze audit_commit`.execute(server.db);

    let sealed = 0;
    let rounds = 0;
    const started = performance.now();
    for (;;) {
      const round = await sealPendingEvents(server.db, keys.current());
      if (round.outcome === 'idle') break;
      if (round.outcome !== 'sealed') throw new Error(`sealing round: ${round.outcome}`);
      sealed += round.sealed;
      rounds++;
    }
    const seconds = (performance.now() - started) / 1000;
    const perSecond = sealed / seconds;
    console.log(
      `  sealed: ${sealed.toLocaleString('en')} events in ${seconds.toFixed(1)} s over ${rounds} rounds (one checkpoint each): ` +
        `${Math.round(perSecond).toLocaleString('en')} events/s (target ≥ ${TARGET_PER_SECOND.toLocaleString('en')}/s${
          perSecond >= TARGET_PER_SECOND ? ', met' : ', NOT met'
        })`,
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

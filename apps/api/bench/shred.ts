/**
 * `pnpm bench shred`: retention's throughput. BENCH_SHRED_CONVERSATIONS (default 100,000) closed
 * conversations past their retention — each with BENCH_SHRED_MESSAGES (default 5) messages and a
 * report — and 1% of them under an account hold, are destroyed by `runRetention` as the job runs it
 * (batches of BENCH_SHRED_BATCH, default 200, each its own transaction with one audit event per
 * conversation). Prints conversations/s. The rows are written straight in SQL: the figure is the
 * shredding's alone, not intake's.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { loadConfig } from '../src/config';
import { runRetention } from '../src/retention/shred';
import type { BenchServer } from './harness';

const CONVERSATIONS = Number(process.env.BENCH_SHRED_CONVERSATIONS ?? 100_000);
const MESSAGES = Number(process.env.BENCH_SHRED_MESSAGES ?? 5);
const BATCH = Number(process.env.BENCH_SHRED_BATCH ?? 200);

async function seed(server: BenchServer) {
  const started = performance.now();
  const serviceAccountId = randomUUID();
  const staffId = randomUUID();
  await sql`insert into service_account (id, name, key_id, secret_sealed, kek_version)
    values (${serviceAccountId}, 'bench', ${`bench-${serviceAccountId}`}, decode(md5('bench'), 'hex'), 1)`.execute(
    server.db,
  );
  await sql`insert into staff_user (id, username, display_name, password_hash, roles)
    values (${staffId}, ${`bench-legal-${staffId}`}, 'Bench Legal', 'x', array['legal'])`.execute(server.db);
  const slice = 10_000;
  for (let from = 1; from <= CONVERSATIONS; from += slice) {
    const to = Math.min(CONVERSATIONS, from + slice - 1);
    await server.db.transaction().execute(async (trx) => {
      await sql`insert into conversation (id, participant_ids, dek_wrapped, kek_version)
        select 'bench-conv-' || n, array['bench-a-' || n, 'bench-b-' || n],
          decode(md5(n::text) || md5('k' || n) || md5('w' || n), 'hex'), 1
        from generate_series(${from}::int, ${to}::int) n`.execute(trx);
      await sql`insert into message (conversation_id, id, sender_id, sent_at, body_nonce, body_ciphertext)
        select 'bench-conv-' || n, 'm' || m, 'bench-a-' || n, now() - make_interval(days => 200),
          decode(substr(md5(n || ':' || m), 1, 24), 'hex'), decode(repeat(md5(m || ':' || n), 3), 'hex')
        from generate_series(${from}::int, ${to}::int) n, generate_series(1, ${MESSAGES}::int) m`.execute(trx);
      await sql`with opened as (
          insert into "case" (conversation_id, queue_id, category, urgent, involves_minor, report_count, sla_due_at,
            status, decided_at)
          select 'bench-conv-' || n, 'harassment_hate', 'harassment', false, false, 1, now(), 'decided',
            now() - interval '100 days'
          from generate_series(${from}::int, ${to}::int) n
          returning id, conversation_id)
        insert into report (id, service_account_id, external_id, source, category, case_id, conversation_id,
          reporter_id, reported_account_id, reported_message_ids, reporter_text_nonce, reporter_text_ciphertext,
          payload_hash)
        select gen_random_uuid(), ${serviceAccountId}, 'bench-' || conversation_id, 'user_report', 'harassment', id,
          conversation_id, replace(conversation_id, 'bench-conv-', 'bench-a-'),
          replace(conversation_id, 'bench-conv-', 'bench-b-'), array['m1'],
          decode(substr(md5(conversation_id), 1, 24), 'hex'), decode(md5('t' || conversation_id), 'hex'),
          decode(md5(conversation_id), 'hex')
        from opened`.execute(trx);
    });
  }
  // 1% of the accounts under a hold: their conversations must be passed over, in SQL.
  await sql`insert into preservation_hold (target_type, target_id, reason, placed_by, expires_at)
    select 'account', 'bench-b-' || n, 'Bench preservation order', ${staffId}, now() + interval '90 days'
    from generate_series(1, ${CONVERSATIONS}::int, 100) n`.execute(server.db);
  await sql`analyze`.execute(server.db);
  return (performance.now() - started) / 1000;
}

export async function benchShred(server: BenchServer) {
  console.log(
    `shred: ${CONVERSATIONS.toLocaleString()} closed conversations past retention, ${MESSAGES} messages and a report each, 1% held`,
  );
  const seeded = await seed(server);
  console.log(`  seeded in ${seeded.toFixed(1)} s`);
  const days = loadConfig({}).retention.days;
  const started = performance.now();
  const run = await runRetention(server.db, days, { batchSize: BATCH, budgetMs: Number.POSITIVE_INFINITY });
  const seconds = (performance.now() - started) / 1000;
  const held = Math.ceil(CONVERSATIONS / 100);
  const left = await sql<{
    n: number;
  }>`select count(*)::int as n from conversation where dek_wrapped is not null`.execute(server.db);
  console.log(
    `  ${Math.round(run.conversations / seconds).toLocaleString()} conversations/s shredded ` +
      `(${run.conversations.toLocaleString()} in ${seconds.toFixed(1)} s, batches of ${BATCH}, ` +
      `${(run.conversations * MESSAGES).toLocaleString()} message bodies); ` +
      `${left.rows[0]?.n.toLocaleString()} kept (${held.toLocaleString()} held)`,
  );
}

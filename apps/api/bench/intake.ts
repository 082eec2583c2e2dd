/**
 * Batch intake throughput: messages per second through the signed HTTP API (validation,
 * encryption, accounts, conversations, cases, audit) against the same message rows written
 * by plain multi-row INSERTs without encryption, at the same concurrency, in the same run.
 */
import type { IntakeReportInput } from '@docket/contracts';
import { signRequest } from '@docket/intake-client';
import { sql } from 'kysely';
import { runSystemAction } from '../src/actions/context';
import { createServiceAccount } from '../src/service-accounts/service-accounts';
import type { BenchServer } from './harness';

const REPORTS_PER_BATCH = 1000;
const MESSAGES_PER_REPORT = 20;
const BATCHES = 12;
// One backfill stream, for both paths. BENCH_CONCURRENCY raises it for both alike.
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 1);

export function batch(run: string, index: number): IntakeReportInput[] {
  return Array.from({ length: REPORTS_PER_BATCH }, (_, r) => {
    const conversationId = `bench-${run}-${index}-${r}`;
    const a = `acct-${(index * REPORTS_PER_BATCH + r) % 50_000}`;
    const b = `acct-${(index * REPORTS_PER_BATCH + r + 7919) % 50_000}`;
    return {
      externalId: `${conversationId}-report`,
      category: 'harassment',
      reporterId: a,
      reportedAccountId: b,
      reporterText: 'They keep sending me messages after I asked them to stop, and it is getting worse.',
      accounts: [
        { id: a, handle: `user_${a}`, ageBand: 'adult' },
        { id: b, handle: `user_${b}`, ageBand: r % 7 === 0 ? 'minor' : 'adult' },
      ],
      conversation: { id: conversationId, participantIds: [a, b] },
      messages: Array.from({ length: MESSAGES_PER_REPORT }, (_, m) => ({
        id: `m${m}`,
        senderId: m % 2 ? b : a,
        sentAt: new Date(Date.UTC(2026, 10, 1, 10, m)).toISOString(),
        body: `Message ${m} of a conversation that goes back and forth about weekend plans and then turns unpleasant.`,
      })),
      reportedMessageIds: ['m17', 'm19'],
    };
  });
}

async function timed(concurrency: number, jobs: number, run: (index: number) => Promise<void>) {
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < jobs) await run(next++);
    }),
  );
  return (performance.now() - start) / 1000;
}

export async function benchIntake(server: BenchServer) {
  const account = await runSystemAction(server.db, (ctx) =>
    createServiceAccount(ctx, server.keyring, 'bench platform'),
  );
  // Bodies are serialised and signed before the clock starts, so the figure is the server's:
  // the platform's own JSON encoding happens on the platform's machines, not Docket's.
  const path = '/api/intake/reports/batch';
  const signed = (reports: IntakeReportInput[]) => {
    const body = JSON.stringify({ reports });
    const timestamp = Math.floor(Date.now() / 1000);
    return {
      body,
      headers: {
        ...signRequest(account.keyId, account.secret, { method: 'POST', path, timestamp, body }),
        'content-type': 'application/json',
      },
    };
  };
  const send = async (request: { body: string; headers: Record<string, string> }) => {
    const response = await fetch(`${server.baseUrl}${path}`, { method: 'POST', ...request });
    const result = (await response.json()) as { messagesStored: number; detail?: string };
    if (!response.ok) throw new Error(`intake failed: ${response.status} ${result.detail}`);
    return result.messagesStored;
  };

  await send(signed(batch('warm', 0))); // warm-up: JIT, pool, plans
  const batches = Array.from({ length: BATCHES }, (_, i) => batch('api', i));
  const requests = batches.map(signed);
  let stored = 0;
  const apiSeconds = await timed(CONCURRENCY, BATCHES, async (i) => {
    stored += await send(requests[i] as { body: string; headers: Record<string, string> });
  });
  const apiRate = stored / apiSeconds;

  await sql`create table bench_plain_message (conversation_id text, id text, sender_id text, sent_at timestamptz, body text,
            primary key (conversation_id, id))`.execute(server.db);
  const plainSeconds = await timed(CONCURRENCY, BATCHES, async (i) => {
    const rows = (batches[i] as IntakeReportInput[]).flatMap((report) =>
      report.messages.map((m) => ({
        conversation_id: report.conversation.id,
        id: m.id,
        sender_id: m.senderId,
        sent_at: m.sentAt,
        body: m.body,
      })),
    );
    // Multi-row VALUES in slices of 1,000 rows (5,000 parameters), one transaction per batch.
    await server.db.transaction().execute(async (trx) => {
      for (let start = 0; start < rows.length; start += 1000) {
        await trx
          .insertInto('bench_plain_message' as never)
          .values(rows.slice(start, start + 1000) as never)
          .execute();
      }
    });
  });
  const plainRate = (BATCHES * REPORTS_PER_BATCH * MESSAGES_PER_REPORT) / plainSeconds;

  console.log(
    `batch intake — ${BATCHES} batches x ${REPORTS_PER_BATCH} reports x ${MESSAGES_PER_REPORT} messages, ${CONCURRENCY} concurrent`,
  );
  console.log(`  through the API (signed, validated, encrypted, cased, audited): ${apiRate.toFixed(0)} messages/s`);
  console.log(`  plain multi-row INSERT, no encryption:                         ${plainRate.toFixed(0)} messages/s`);
  console.log(`  ratio: ${(apiRate / plainRate).toFixed(2)}x (target >= 0.3x; target >= 20,000 messages/s)`);
}

/**
 * An authorized read of a 200-message conversation through the HTTP API — grant check by the
 * database clock, scope, decryption of every body, and the audit event naming them — against
 * the same rows served by a bench-only route with none of that.
 */
import { IntakeClient } from '@docket/intake-client';
import { sql } from 'kysely';
import { runSystemAction } from '../src/actions/context';
import { hashPassword } from '../src/auth/passwords';
import { createServiceAccount } from '../src/service-accounts/service-accounts';
import { type BenchServer, load, ms, paced, saturated, settle } from './harness';
import { perSecond, recordRow } from './table';

const MESSAGES = 200;

/** A reviewer holding a case under a long grant to its `MESSAGES`-message conversation, signed in. */
export async function readableConversation(server: BenchServer, name = 'bench-read') {
  const account = await runSystemAction(server.db, (ctx) => createServiceAccount(ctx, server.keyring, `${name} bench`));
  const client = new IntakeClient({ baseUrl: server.baseUrl, keyId: account.keyId, secret: account.secret });
  const conversationId = `${name}-conversation`;
  const { caseId } = await client.submitReport({
    externalId: `${name}-report`,
    category: 'harassment',
    reporterId: 'bench-a',
    reportedAccountId: 'bench-b',
    reporterText: 'They keep messaging me after I asked them to stop.',
    accounts: [
      { id: 'bench-a', handle: 'bench_a', ageBand: 'adult' },
      { id: 'bench-b', handle: 'bench_b', ageBand: 'adult' },
    ],
    conversation: { id: conversationId, participantIds: ['bench-a', 'bench-b'] },
    messages: Array.from({ length: MESSAGES }, (_, i) => ({
      id: `m${i}`,
      senderId: i % 2 ? 'bench-b' : 'bench-a',
      sentAt: new Date(Date.UTC(2026, 10, 1, 9, 0, i)).toISOString(),
      body: `Message ${i}: a plausible line of conversation about plans for the weekend and how the week went.`,
    })),
    reportedMessageIds: ['m150'],
  });

  // A reviewer holding the case under a long grant covering the whole conversation.
  const reviewer = await server.db
    .insertInto('staff_user')
    .values({
      username: `${name}-reader`,
      display_name: 'Reader',
      password_hash: await hashPassword('bench-reader-password'),
      roles: ['reviewer'],
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await server.db
    .updateTable('case')
    .set({ assignee_id: reviewer.id, lease_expires_at: sql`now() + interval '1 hour'` })
    .where('id', '=', caseId)
    .execute();
  await server.db
    .insertInto('access_grant')
    .values({
      case_id: caseId,
      conversation_id: conversationId,
      grantee_id: reviewer.id,
      scope: JSON.stringify({ kind: 'full_conversation' }),
      expires_at: sql<Date>`now() + interval '1 hour'`,
    })
    .execute();
  const signIn = await fetch(`${server.baseUrl}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: `${name}-reader`, password: 'bench-reader-password' }),
  });
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { caseId, conversationId, cookie };
}

export async function benchConversationRead(server: BenchServer) {
  const { caseId, conversationId, cookie } = await readableConversation(server);
  const authorized = async () => {
    const { status, text } = await load(`${server.baseUrl}/api/cases/${caseId}/conversation`, { headers: { cookie } });
    const body = JSON.parse(text) as { messages?: unknown[] };
    if (status !== 200 || body.messages?.length !== MESSAGES) throw new Error(`read: ${status}`);
  };
  const baseline = async () => {
    const { status, text } = await load(`${server.baseUrl}/bench/plain-read/${conversationId}`);
    // Parsed as the authorized read's answer is, so the load generator costs both sides the same.
    const body = JSON.parse(text) as { messages?: unknown[] };
    if (body.messages?.length !== MESSAGES) throw new Error(`plain read: ${status}`);
  };

  await settle(server);
  await saturated(authorized, 4, 1); // warm-up
  const latency = await paced(authorized, 100, 10);
  const withChecks = await saturated(authorized, 20, 10);
  const plain = await saturated(baseline, 20, 10);

  console.log(`authorized conversation read — ${MESSAGES} messages, grant check + decryption + audit event`);
  console.log(
    `  paced 100/s x 10 s:     p50 ${ms(latency.p50)}  p99 ${ms(latency.p99)}  (${latency.count} ok, ${latency.errors} errors; target p99 <= 20 ms)`,
  );
  console.log(`  saturated, 20 readers:  ${withChecks.perSecond.toFixed(0)} reads/s (${withChecks.errors} errors)`);
  console.log(`  baseline, no checks:    ${plain.perSecond.toFixed(0)} reads/s`);
  console.log(`  ratio: ${(withChecks.perSecond / plain.perSecond).toFixed(2)}x (target >= 0.5x)`);
  recordRow({
    work: `authorized ${MESSAGES}-message read, 20 readers`,
    now: perSecond(withChecks.perSecond),
    baseline: `bench-only unchecked read ${perSecond(plain.perSecond)}`,
    ratio: withChecks.perSecond / plain.perSecond,
    target: '≥ 0.5×',
    met: withChecks.perSecond / plain.perSecond >= 0.5 && withChecks.errors === 0,
  });
  recordRow({
    work: 'authorized read, paced 100/s',
    now: `p99 ${ms(latency.p99)}`,
    target: 'p99 ≤ 20 ms',
    met: latency.p99 <= 20 && latency.errors === 0,
  });
}

/**
 * The cost of the legal scope check on the read path: the same 200 messages read through a legal
 * grant (targets → their conversations by participant → each target's accepted range → content
 * only under a content instrument, and the audit event) and through a case grant (ADR 012/018),
 * among 500 other conversations of other accounts.
 */
import { IntakeClient } from '@docket/intake-client';
import { sql } from 'kysely';
import { runSystemAction } from '../src/actions/context';
import { hashPassword } from '../src/auth/passwords';
import { createServiceAccount } from '../src/service-accounts/service-accounts';
import { type BenchServer, ms, paced, saturated } from './harness';

const MESSAGES = 200;
const OTHERS = 500;

async function staff(server: BenchServer, username: string, roles: string[]) {
  const { id } = await server.db
    .insertInto('staff_user')
    .values({ username, display_name: username, password_hash: await hashPassword(`${username}-password`), roles })
    .returning('id')
    .executeTakeFirstOrThrow();
  const response = await fetch(`${server.baseUrl}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: `${username}-password` }),
  });
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { id, cookie: (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '', csrfToken };
}

export async function benchLegalRead(server: BenchServer) {
  const account = await runSystemAction(server.db, (ctx) => createServiceAccount(ctx, server.keyring, 'legal bench'));
  const client = new IntakeClient({ baseUrl: server.baseUrl, keyId: account.keyId, secret: account.secret });
  const message = (i: number, sender: string) => ({
    id: `m${i}`,
    senderId: sender,
    sentAt: new Date(Date.UTC(2026, 10, 1, 9, 0, i)).toISOString(),
    body: `Message ${i}: a plausible line of conversation about plans for the weekend and how the week went.`,
  });
  const report = (n: number, a: string, b: string, count: number) => ({
    externalId: `legal-bench-${n}`,
    category: 'harassment' as const,
    reporterId: a,
    reportedAccountId: b,
    reporterText: 'They keep messaging me.',
    accounts: [
      { id: a, handle: a.replace(/-/g, '_'), ageBand: 'adult' as const },
      { id: b, handle: b.replace(/-/g, '_'), ageBand: 'adult' as const },
    ],
    conversation: { id: `legal-bench-conv-${n}`, participantIds: [a, b] },
    messages: Array.from({ length: count }, (_, i) => message(i, i % 2 ? b : a)),
    reportedMessageIds: ['m1'],
  });
  for (let n = 1; n <= OTHERS; n += 50) {
    await client.submitBatch(Array.from({ length: 50 }, (_, k) => report(n + k, `lb-x${n + k}`, `lb-y${n + k}`, 5)));
  }
  const { caseId } = await client.submitReport(report(0, 'lb-friend', 'lb-target', MESSAGES));

  const reviewer = await staff(server, 'lb-reviewer', ['reviewer']);
  const recorder = await staff(server, 'lb-legal', ['legal']);
  const second = await staff(server, 'lb-legal2', ['legal']);
  await server.db
    .updateTable('case')
    .set({ assignee_id: reviewer.id, lease_expires_at: sql`now() + interval '1 hour'` })
    .where('id', '=', caseId)
    .execute();
  await server.db
    .insertInto('access_grant')
    .values({
      case_id: caseId,
      conversation_id: 'legal-bench-conv-0',
      grantee_id: reviewer.id,
      scope: JSON.stringify({ kind: 'full_conversation' }),
      expires_at: sql<Date>`now() + interval '1 hour'`,
    })
    .execute();

  const created = await fetch(`${server.baseUrl}/api/legal/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: recorder.cookie, 'x-csrf-token': recorder.csrfToken },
    body: JSON.stringify({
      channel: 'portal',
      receivedAt: '2026-12-01T09:00:00Z',
      authority: { name: 'Bench court', type: 'court', country: 'DE' },
      officerContact: 'bench',
      instrument: 'search_warrant',
      legalBasis: 'bench',
      offenceCategory: 'bench',
      targets: [
        {
          accountId: 'lb-target',
          from: '2026-10-01T00:00:00Z',
          until: '2026-12-01T00:00:00Z',
          categories: ['content'],
        },
      ],
    }),
  });
  const { id } = (await created.json()) as { id: string };
  const post = (who: { cookie: string; csrfToken: string }, path: string, body: unknown) =>
    fetch(`${server.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: who.cookie, 'x-csrf-token': who.csrfToken },
      body: JSON.stringify(body),
    });
  await post(recorder, `/api/legal/requests/${id}/steps`, { step: 'review' });
  const accepted = await post(second, `/api/legal/requests/${id}/decision`, { outcome: 'accepted' });
  if (accepted.status !== 200) throw new Error(`accept: ${accepted.status}`);

  const legal = async () => {
    const response = await post(recorder, `/api/legal/requests/${id}/read`, { category: 'content' });
    const body = (await response.json()) as { messages?: unknown[] };
    if (response.status !== 200 || body.messages?.length !== MESSAGES)
      throw new Error(`legal read: ${response.status}`);
  };
  const byCase = async () => {
    const response = await fetch(`${server.baseUrl}/api/cases/${caseId}/conversation`, {
      headers: { cookie: reviewer.cookie },
    });
    const body = (await response.json()) as { messages?: unknown[] };
    if (response.status !== 200 || body.messages?.length !== MESSAGES) throw new Error(`case read: ${response.status}`);
  };

  await saturated(legal, 4, 1); // warm-up
  await saturated(byCase, 4, 1);
  const legalLatency = await paced(legal, 50, 5);
  const caseLatency = await paced(byCase, 50, 5);
  const legalRate = await saturated(legal, 10, 5);
  const caseRate = await saturated(byCase, 10, 5);
  console.log(`legal read vs case read — ${MESSAGES} messages of one target among ${OTHERS} other conversations`);
  console.log(
    `  paced 50/s x 5 s, legal: p50 ${ms(legalLatency.p50)}  p99 ${ms(legalLatency.p99)} (${legalLatency.errors} errors)`,
  );
  console.log(
    `  paced 50/s x 5 s, case:  p50 ${ms(caseLatency.p50)}  p99 ${ms(caseLatency.p99)} (${caseLatency.errors} errors)`,
  );
  console.log(
    `  saturated, 10 readers:   legal ${legalRate.perSecond.toFixed(0)} reads/s, case ${caseRate.perSecond.toFixed(0)} reads/s`,
  );
  console.log(`  ratio legal/case: ${(legalRate.perSecond / caseRate.perSecond).toFixed(2)}x`);
}

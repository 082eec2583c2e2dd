/**
 * `pnpm bench bulk`: one bulk decision of 500 spam cases through the HTTP API (claim, decision,
 * statement of reasons and audit event per case, in one transaction), against the same decision
 * made one case at a time (claim-next, then decide) in the same run, per case. Prints the wall
 * time, the CPU per case (API process and its PostgreSQL backends, which the machine's other load
 * does not change), and checks that every case has exactly one decision and one audit event.
 */
import type { IntakeReportInput } from '@docket/contracts';
import { signRequest } from '@docket/intake-client';
import { sql } from 'kysely';
import { runSystemAction } from '../src/actions/context';
import { createServiceAccount } from '../src/service-accounts/service-accounts';
import { type BenchServer, cpuCost, ms, staffSessions } from './harness';

const CASES = 500;
const ONE_BY_ONE = Number(process.env.BENCH_BULK_BASELINE ?? 50);
const QUEUE = 'scams_spam';

function spamReport(run: string, index: number): IntakeReportInput {
  const spammer = `acct-spam-${run}-${index % 40}`;
  const reporter = `acct-reader-${run}-${index}`;
  return {
    externalId: `bench-bulk-${run}-${index}`,
    category: 'spam',
    reporterId: reporter,
    reportedAccountId: spammer,
    reporterText: 'Unsolicited advertising, the same text sent to everyone in my contacts.',
    accounts: [
      { id: reporter, handle: `reader_${run}_${index}`, ageBand: 'adult' },
      { id: spammer, handle: `spam_${run}_${index % 40}`, ageBand: 'adult' },
    ],
    conversation: { id: `bench-bulk-${run}-${index}`, participantIds: [reporter, spammer] },
    messages: [{ id: 'm1', senderId: spammer, sentAt: '2026-11-01T10:00:00Z', body: 'Cheap watches, click here.' }],
    reportedMessageIds: ['m1'],
  };
}

const DECISION = {
  action: 'remove_messages',
  policyCode: 'SP-1',
  rationale: 'Part of the same spam wave: same link, same wording.',
  statement: {
    ground: { kind: 'terms' },
    publicReason: 'Your messages were bulk advertising sent to people who did not ask for it.',
    territorialScope: ['DE', 'FR'],
  },
};

export async function benchBulk(server: BenchServer) {
  const account = await runSystemAction(server.db, (ctx) => createServiceAccount(ctx, server.keyring, 'bench bulk'));
  const path = '/api/intake/reports/batch';
  const body = JSON.stringify({
    reports: Array.from({ length: CASES + ONE_BY_ONE }, (_, i) => spamReport(String(Date.now()), i)),
  });
  const intake = await fetch(`${server.baseUrl}${path}`, {
    method: 'POST',
    body,
    headers: {
      ...signRequest(account.keyId, account.secret, {
        method: 'POST',
        path,
        timestamp: Math.floor(Date.now() / 1000),
        body,
      }),
      'content-type': 'application/json',
    },
  });
  if (!intake.ok) throw new Error(`intake: ${intake.status} ${await intake.text()}`);
  const caseIds = ((await intake.json()) as { results: { caseId: string }[] }).results.map((r) => r.caseId);
  const [reviewer] = await staffSessions(server, 1, ['reviewer']);
  if (!reviewer) throw new Error('no reviewer');
  const post = async (route: string, payload: unknown) => {
    const response = await fetch(`${server.baseUrl}${route}`, {
      method: 'POST',
      headers: reviewer.headers,
      body: JSON.stringify(payload),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${route}: ${response.status} ${text}`);
    return { json: JSON.parse(text) as Record<string, unknown>, requestId: response.headers.get('x-request-id') };
  };

  // Baseline: the same decision one case at a time, as a reviewer would without bulk.
  const bulkIds = caseIds.slice(0, CASES);
  await sql`update "case" set status = 'decided' where id = any(${bulkIds}::uuid[])`.execute(server.db); // out of claim-next's way
  const single = await cpuCost(server, [server.pid]);
  const singleStarted = performance.now();
  for (let i = 0; i < ONE_BY_ONE; i++) {
    const { json } = await post(`/api/queues/${QUEUE}/claim-next`, {});
    const claimed = json.case as { id: string } | null;
    if (!claimed) throw new Error('claim-next found nothing');
    await post(`/api/cases/${claimed.id}/decisions`, DECISION);
  }
  const singleMs = (performance.now() - singleStarted) / ONE_BY_ONE;
  const singleCpu = await single.spent();
  await sql`update "case" set status = 'open' where id = any(${bulkIds}::uuid[])`.execute(server.db);

  const previewStarted = performance.now();
  const { json: preview } = await post('/api/cases/bulk-decisions/preview', { ...DECISION, caseIds: bulkIds });
  const previewMs = performance.now() - previewStarted;
  if ((preview.refusals as unknown[]).length > 0 || preview.decided !== CASES) {
    throw new Error(`preview: ${JSON.stringify(preview).slice(0, 300)}`);
  }

  const bulk = await cpuCost(server, [server.pid]);
  const started = performance.now();
  const { requestId } = await post('/api/cases/bulk-decisions', { ...DECISION, caseIds: bulkIds });
  const bulkMs = performance.now() - started;
  const bulkCpu = await bulk.spent();

  // One decision and one decision.recorded event per case, all under the request's id.
  const { rows } = await sql<{ decisions: number; events: number; statements: number }>`
    select
      (select count(*)::int from decision where case_id = any(${bulkIds}::uuid[])) as decisions,
      (select count(*)::int from statement_of_reasons s join decision d on d.id = s.decision_id
        where d.case_id = any(${bulkIds}::uuid[])) as statements,
      (select count(*)::int from audit_event where action = 'decision.recorded' and request_id = ${requestId}) as events`.execute(
    server.db,
  );
  const perCase = await sql<{ case_id: string; n: number }>`
    select case_id, count(*)::int as n from audit_event
    where action = 'decision.recorded' and request_id = ${requestId} group by case_id having count(*) <> 1`.execute(
    server.db,
  );
  const counts = rows[0];
  const ok =
    counts?.decisions === CASES && counts.events === CASES && counts.statements === CASES && perCase.rows.length === 0;

  const cpuPerCase = (spent: { api: number; postgres: number }, n: number) =>
    ms(((spent.api + spent.postgres) * 1000) / n);
  console.log(`bulk decision of ${CASES} cases (remove messages, one statement of reasons each)`);
  console.log(`  preview: ${ms(previewMs)}; commit: ${ms(bulkMs)} in one transaction, ${ms(bulkMs / CASES)} per case`);
  console.log(
    `  one at a time (claim-next + decide, ${ONE_BY_ONE} cases): ${ms(singleMs)} per case; bulk is ${(singleMs / (bulkMs / CASES)).toFixed(1)}× faster per case`,
  );
  console.log(
    `  CPU per case (API + PostgreSQL): bulk ${cpuPerCase(bulkCpu, CASES)}, one at a time ${cpuPerCase(singleCpu, ONE_BY_ONE)}`,
  );
  console.log(
    `  ${counts?.decisions} decisions, ${counts?.statements} statements, ${counts?.events} decision.recorded events ` +
      `under request ${requestId}; cases without exactly one: ${perCase.rows.length} ${ok ? '✓' : '✗'}`,
  );
  if (!ok) throw new Error('bulk decision: not one decision and one audit event per case');
}

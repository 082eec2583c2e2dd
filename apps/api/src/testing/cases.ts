/** Builds cases through the real intake path, for tests of the review workflow. */
import {
  type DecideBody,
  type DecisionAction,
  type IntakeReportInput,
  isRestricting,
  type StatementBody,
} from '@docket/contracts';
import type { TestSession, useTestApp } from './harness';
import { aReport } from './reports';

type Harness = ReturnType<typeof useTestApp>;

export async function casesVia(
  t: Harness,
  platform: { keyId: string; secret: string },
  reports: IntakeReportInput[],
): Promise<string[]> {
  const response = await t.signedPost('/api/intake/reports/batch', { reports }, platform);
  if (response.status !== 200) throw new Error(`intake failed: ${response.status} ${await response.text()}`);
  const result = await response.json();
  return result.results.map((r: { caseId: string }) => r.caseId);
}

export function spamReports(count: number, overrides: Partial<IntakeReportInput> = {}) {
  return Array.from({ length: count }, () => aReport({ category: 'spam', ...overrides }));
}

/** Claim-next through the API, as `session`'s reviewer; `body` may name a case to skip. */
export function claimNextVia(t: Harness, session: TestSession, queueId: string, body: object = {}) {
  return t.request('POST', `/api/queues/${queueId}/claim-next`, { session, body });
}

/** Marks every case in a queue decided, so a test's own cases are the only ones to claim there. */
export async function emptyQueue(t: Harness, queueId: string): Promise<void> {
  await t.db.updateTable('case').set({ status: 'decided' }).where('queue_id', '=', queueId).execute();
}

/** Marks every open case but `caseId` decided, so claim-next can hand out only that one. */
export async function closeOtherOpenCases(t: Harness, caseId: string): Promise<void> {
  await t.db
    .updateTable('case')
    .set({ status: 'decided' })
    .where('id', '!=', caseId)
    .where('status', '=', 'open')
    .execute();
}

/**
 * A fresh case from `report`, claimed by `session`'s reviewer: every other open case is closed
 * first so this is the one claim-next hands out. Throws if the claim returns anything else.
 */
export async function holdNewCase(
  t: Harness,
  platform: { keyId: string; secret: string },
  session: TestSession,
  report: IntakeReportInput,
): Promise<string> {
  const [caseId] = (await casesVia(t, platform, [report])) as [string];
  await closeOtherOpenCases(t, caseId);
  const { queue_id } = await t.db
    .selectFrom('case')
    .select('queue_id')
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
  const claimed = await (await claimNextVia(t, session, queue_id)).json();
  if (claimed.case?.id !== caseId) throw new Error(`claimed ${claimed.case?.id ?? 'nothing'} instead of ${caseId}`);
  return caseId;
}

/** A complete statement of reasons on the terms ground, for decisions that restrict. */
export function aStatement(overrides: Partial<StatementBody> = {}): StatementBody {
  return {
    ground: { kind: 'terms', alsoIllegal: false },
    publicReason: 'Your messages asked people for their bank login, which our rules on scams forbid.',
    endsAt: null,
    territorialScope: ['DE', 'FR'],
    ...overrides,
  };
}

/** A decision's body; restricting actions get a statement of reasons, as the API requires. */
export function aDecision(action: DecisionAction, policyCode: string, rationale: string): DecideBody {
  return { action, policyCode, rationale, ...(isRestricting(action) && { statement: aStatement() }) };
}

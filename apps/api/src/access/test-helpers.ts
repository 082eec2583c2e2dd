/** Shared by the access suites: a held case with a known conversation, and the request a reviewer files. */
import type { Category } from '@docket/contracts';
import type { Database } from '@docket/db';
import type { Kysely } from 'kysely';
import { runSystemAction } from '../actions/context';
import { holdNewCase } from '../testing/cases';
import type { TestResponse, TestSession, useTestApp } from '../testing/harness';
import { aReport } from '../testing/reports';

import { expireEndedGrants, expireStaleRequests } from './expiry';
import { endGrantsForLapsedLeases } from './grant-ends';

type Harness = ReturnType<typeof useTestApp>;

/** What the job runner's sweeps do on their interval (jobs/background.ts), run now. */
export async function sweepDeadlines(db: Kysely<Database>) {
  for (const sweep of [expireStaleRequests, expireEndedGrants, endGrantsForLapsedLeases]) {
    await runSystemAction(db, sweep);
  }
}
type Platform = { keyId: string; secret: string };

export const JUSTIFICATION = 'The reported messages reference earlier threats I need to see in context.';

/** A report on a conversation of 7 messages a minute apart from 10:00 (`m1`…`m7`), naming `reported`. */
export function sevenMessageReport(category: Category, reported: string[], conversationId?: string) {
  const report = aReport({ category, ...(conversationId ? { conversationId } : {}) });
  report.messages = Array.from({ length: 7 }, (_, i) => ({
    id: `m${i + 1}`,
    senderId: i % 2 ? 'acct-reported' : 'acct-reporter',
    sentAt: new Date(Date.UTC(2026, 10, 1, 10, i)).toISOString(),
    body: `Message number ${i + 1}`,
  }));
  report.reportedMessageIds = reported;
  return report;
}

/** A reviewer holding a fresh case whose conversation has 7 messages, m4 reported. */
export async function heldCase(
  t: Harness,
  platform: Platform,
  session: TestSession,
  category: Category = 'harassment',
) {
  return holdNewCase(t, platform, session, sevenMessageReport(category, ['m4']));
}

export function fileRequest(t: Harness, session: TestSession, caseId: string, overrides: object = {}) {
  return t.request('POST', `/api/cases/${caseId}/access-requests`, {
    session,
    body: {
      justificationCode: 'USER_REPORT',
      justification: JUSTIFICATION,
      scope: { kind: 'reported_context', context: 1 },
      durationMinutes: 30,
      ...overrides,
    },
  });
}

/** A reviewer holding a case with a pending request (m4 ± 1 unless told), and a supervisor to judge it. */
export async function pendingRequest(
  t: Harness,
  platform: Platform,
  options: { category?: Category; request?: object } = {},
) {
  const reviewer = await t.signedIn(['reviewer']);
  const supervisor = await t.signedIn(['supervisor']);
  const caseId = await heldCase(t, platform, reviewer.session, options.category);
  const request = (await (await fileRequest(t, reviewer.session, caseId, options.request)).json()) as { id: string };
  return { reviewer, supervisor, caseId, request };
}

/** The same, approved as asked: the reviewer reads under the grant. */
export async function approvedGrant(
  t: Harness,
  platform: Platform,
  options: { category?: Category; request?: object } = {},
) {
  const { reviewer, supervisor, caseId, request } = await pendingRequest(t, platform, options);
  const approved = await t.request('POST', `/api/access/requests/${request.id}/approve`, {
    session: supervisor.session,
    body: {},
  });
  if (approved.status !== 200) throw new Error(`approval failed: ${approved.status}`);
  const { grantId } = (await approved.json()) as { grantId: string };
  return { reviewer, supervisor, caseId, requestId: request.id, grantId };
}

export const readConversationAs = (t: Harness, session: TestSession, caseId: string, ids?: string) =>
  t.request('GET', `/api/cases/${caseId}/conversation${ids ? `?ids=${ids}` : ''}`, { session });

/** The events a response's request wrote, by its request id. */
export async function eventsOf(t: Harness, response: TestResponse) {
  return t.db
    .selectFrom('audit_event')
    .selectAll()
    .where('request_id', '=', response.headers.get('x-request-id'))
    .orderBy('id')
    .execute();
}

/** The holder's break-glass on a case, with the standard justification. */
export const breakGlassAs = (t: Harness, session: TestSession, caseId: string, durationMinutes = 10) =>
  t.request('POST', `/api/cases/${caseId}/break-glass`, {
    session,
    body: { justification: JUSTIFICATION, durationMinutes },
  });

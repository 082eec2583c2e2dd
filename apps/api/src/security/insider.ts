/**
 * Shared by the insider-abuse suites: a reviewer reading under a live grant (the legitimate
 * baseline every abuse is measured against), and the two things each refused path must show —
 * no content in the response, and the refusal in the audit log.
 */
import { expect } from 'vitest';
import { fileRequest, heldCase } from '../access/test-helpers';
import type { TestResponse, TestSession, useTestApp } from '../testing/harness';
import { aReport } from '../testing/reports';

type Harness = ReturnType<typeof useTestApp>;

/** Every message body and the reporter text of a case made by `heldCase`: none may leak. */
export const HELD_CASE_CONTENT: readonly string[] = [
  ...Array.from({ length: 7 }, (_, i) => `Message number ${i + 1}`),
  String(aReport().reporterText),
];

/** A reviewer holding a case, with a grant (m4 ± 1) a different supervisor approved, proven to read. */
export async function reviewerReadingUnderGrant(t: Harness, platform: { keyId: string; secret: string }) {
  const reviewer = await t.signedIn(['reviewer']);
  const supervisor = await t.signedIn(['supervisor']);
  const caseId = await heldCase(t, platform, reviewer.session);
  const requestId = (await (await fileRequest(t, reviewer.session, caseId)).json()).id as string;
  const approved = await t.request('POST', `/api/access/requests/${requestId}/approve`, {
    session: supervisor.session,
    body: {},
  });
  const grantId = (await approved.json()).grantId as string;
  const read = await readConversation(t, reviewer.session, caseId);
  expect(await read.text()).toContain('Message number 4'); // the baseline: this read is legitimate
  return { reviewer, supervisor, caseId, requestId, grantId };
}

export function readConversation(t: Harness, session: TestSession, caseId: string, ids?: string) {
  return t.request('GET', `/api/cases/${caseId}/conversation${ids ? `?ids=${ids}` : ''}`, { session });
}

/** `insider` reads the case's conversation: refused, no content, and the refused read audited. */
export async function expectReadRefused(t: Harness, insider: { id: string; session: TestSession }, caseId: string) {
  const response = await readConversation(t, insider.session, caseId);
  expect(response.status).toBe(403);
  await expectNoContent(response);
  await expectRefusalAudited(t, response, { action: 'conversation.read_denied', actorId: insider.id });
}

/** No message body and no reporter text anywhere in the response. */
export async function expectNoContent(response: TestResponse, content: readonly string[] = HELD_CASE_CONTENT) {
  const text = await response.clone().text();
  for (const piece of content) expect(text, `the response leaks "${piece}"`).not.toContain(piece);
}

/**
 * The request left exactly one audit event, the refusal: its action, outcome `denied`, and the
 * actor when one is expected. No content in it either.
 */
export async function expectRefusalAudited(
  t: Harness,
  response: TestResponse,
  expected: { action: string; actorId?: string | null },
) {
  const requestId = response.headers.get('x-request-id');
  expect(requestId).toBeTruthy();
  const events = await t.db.selectFrom('audit_event').selectAll().where('request_id', '=', requestId).execute();
  expect(events.map((e) => [e.action, e.outcome])).toEqual([[expected.action, 'denied']]);
  const [event] = events;
  if (expected.actorId !== undefined) expect(event?.actor_id).toBe(expected.actorId);
  for (const piece of HELD_CASE_CONTENT) expect(JSON.stringify(event)).not.toContain(piece);
  return event;
}

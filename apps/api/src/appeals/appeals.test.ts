import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { requestAccess } from '../testing/access';
import { appealAgainst } from '../testing/appeals';
import { aDecision, closeOtherOpenCases, holdNewCase } from '../testing/cases';
import { type TestSession, useTestApp } from '../testing/harness';
import { aReport } from '../testing/reports';

const t = useTestApp();
let platform: { keyId: string; secret: string };

beforeAll(async () => {
  platform = await t.serviceAccount();
});

const PUBLIC_REASON = 'On a second look the messages were a joke between friends, so the removal is lifted.';
const INTERNAL_NOTE = 'First reviewer missed the earlier context; no pattern on the account.';

/**
 * A decided report case: a reviewer who read it under a grant handed it back, and another decided
 * it. Returns both, the decision and the reported account.
 */
async function decidedCase(action: 'remove_messages' | 'no_violation' = 'remove_messages') {
  const supervisor = await t.signedIn(['reviewer', 'supervisor']);
  const reader = await t.signedIn(['reviewer']);
  const report = aReport({ category: 'harassment' });
  const caseId = await holdNewCase(t, platform, reader.session, report);
  const request = await (await requestAccess(t, reader.session, caseId)).json();
  const approved = await t.request('POST', `/api/access/requests/${request.id}/approve`, {
    session: supervisor.session,
    body: {},
  });
  expect(approved.status).toBe(200);
  await t.request('POST', `/api/cases/${caseId}/release`, { session: reader.session, body: {} });

  const decider = await t.signedIn(['reviewer']);
  const claimed = await (
    await t.request('POST', '/api/queues/harassment_hate/claim-next', { session: decider.session, body: {} })
  ).json();
  expect(claimed.case?.id).toBe(caseId);
  const decided = await t.request('POST', `/api/cases/${caseId}/decisions`, {
    session: decider.session,
    body: aDecision(action, action === 'no_violation' ? 'NV-1' : 'HR-1', 'Clear harassment after being asked to stop.'),
  });
  expect(decided.status).toBe(201);
  const decision = await decided.json();
  return { caseId, decisionId: decision.id as string, reader, decider, report };
}

const appeal = (decisionId: string, overrides: Record<string, unknown> = {}) =>
  appealAgainst(t, platform, decisionId, overrides);

const claimAppeal = async (session: TestSession) =>
  (await t.request('POST', '/api/queues/appeals/claim-next', { session, body: {} })).json();

const decideAppeal = (session: TestSession, caseId: string, outcome = 'reversed') =>
  t.request('POST', `/api/cases/${caseId}/appeal-outcome`, {
    session,
    body: { outcome, publicReason: PUBLIC_REASON, internalNote: INTERNAL_NOTE },
  });

async function outboxOf(type: string) {
  const rows = await t.db.selectFrom('outbox_event').select(['subject', 'payload']).where('type', '=', type).execute();
  return rows.map((row) => ({
    subject: row.subject,
    data: typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload,
  }));
}

describe('an appeal forwarded by the platform', () => {
  it('opens a case in the Appeals queue, once per external id, and tells the platform it arrived', async () => {
    const { decisionId, caseId } = await decidedCase();
    const body = {
      externalId: `apl-once-${process.pid}`,
      decisionId,
      appellant: 'affected_user',
      accountId: 'acct-reported',
      submittedAt: new Date().toISOString(),
    };
    const first = await t.signedPost('/api/intake/appeals', body, platform);
    expect(first.status).toBe(200);
    const created = await first.json();
    expect(created.status).toBe('created');
    const again = await // Resent later (a fresh signature, not a replay).
    (
      await t.signedPost('/api/intake/appeals', body, platform, { timestamp: Math.floor(Date.now() / 1000) - 5 })
    ).json();
    expect(again).toMatchObject({ status: 'duplicate', caseId: created.caseId });

    const appealCase = await t.db
      .selectFrom('case')
      .select(['queue_id', 'kind', 'status'])
      .where('id', '=', created.caseId)
      .executeTakeFirstOrThrow();
    expect(appealCase).toEqual({ queue_id: 'appeals', kind: 'appeal', status: 'open' });
    expect(created.caseId).not.toBe(caseId);
    expect(await outboxOf('appeal.received')).toContainEqual({
      subject: 'account:acct-reported',
      data: expect.objectContaining({ appealId: body.externalId, decisionId }),
    });
  });

  it('opens one case when the same appeal arrives twice at once', async () => {
    const { decisionId } = await decidedCase();
    const body = {
      externalId: `apl-race-${process.pid}`,
      decisionId,
      appellant: 'affected_user',
      accountId: 'acct-reported',
      submittedAt: new Date().toISOString(),
    };
    const now = Math.floor(Date.now() / 1000);
    const responses = await Promise.all(
      [now, now - 1].map((timestamp) => t.signedPost('/api/intake/appeals', body, platform, { timestamp })),
    );
    expect(responses.map((r) => r.status)).toEqual([200, 200]);
    const rows = await t.db.selectFrom('appeal').select('case_id').where('external_id', '=', body.externalId).execute();
    expect(rows).toHaveLength(1);
  });

  it('is refused past the appeal window, naming submittedAt, and opens nothing', async () => {
    const { decisionId } = await decidedCase();
    // Eight months on: the statement of reasons told the user the window closed yesterday.
    await sql`update decision set decided_at = now() - interval '8 months' where id = ${decisionId}`.execute(t.db);
    await sql`update statement_of_reasons set created_at = now() - interval '8 months',
      appeal_until = now() - interval '1 day' where decision_id = ${decisionId}`.execute(t.db);
    const before = await t.count('case');
    const response = await appeal(decisionId);
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toContainEqual(expect.objectContaining({ field: 'submittedAt' }));
    expect(await t.count('case')).toBe(before);
  });

  it("takes a reporter's appeal only against a decision not to act, judged from the decision time", async () => {
    const acted = await decidedCase('remove_messages');
    const refused = await appeal(acted.decisionId, { appellant: 'reporter', accountId: 'acct-reporter' });
    expect(refused.status).toBe(400);
    expect((await refused.json()).errors).toContainEqual(expect.objectContaining({ field: 'appellant' }));

    const dismissed = await decidedCase('no_violation');
    const ok = await appeal(dismissed.decisionId, { appellant: 'reporter', accountId: 'acct-reporter' });
    expect(ok.status).toBe(200);
    await t.db
      .updateTable('decision')
      .set({ decided_at: sql<Date>`now() - interval '7 months'` })
      .where('id', '=', dismissed.decisionId)
      .execute();
    const late = await appeal(dismissed.decisionId, { appellant: 'reporter', accountId: 'acct-reporter' });
    expect(late.status).toBe(400);
    expect((await late.json()).errors).toContainEqual(expect.objectContaining({ field: 'submittedAt' }));
  });

  it('refuses an appellant who is not a party to the decision', async () => {
    const { decisionId } = await decidedCase();
    const response = await appeal(decisionId, { accountId: 'acct-stranger' });
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toContainEqual(expect.objectContaining({ field: 'accountId' }));
  });
});

describe('deciding an appeal', () => {
  it('is refused to the original decider and to a grant holder on the original case, and audited', async () => {
    const { decisionId, reader, decider } = await decidedCase();
    const { caseId } = await (await appeal(decisionId)).json();
    await closeOtherOpenCases(t, caseId);

    for (const person of [decider, reader]) {
      // Claim-next never hands them the appeal ...
      expect((await claimAppeal(person.session)).case).toBeNull();
      // ... and deciding it anyway is refused, with the refusal in the log.
      const refused = await decideAppeal(person.session, caseId);
      expect(refused.status).toBe(403);
      const logged = await t.db
        .selectFrom('audit_event')
        .select(['outcome', 'actor_id'])
        .where('action', '=', 'request.refused')
        .where('actor_id', '=', person.id)
        .execute();
      expect(logged.length).toBeGreaterThan(0);
    }
    expect(await t.db.selectFrom('appeal_decision').selectAll().execute()).toEqual([]);
  });

  it('refuses them in the database itself, whatever statement hands out or decides the case', async () => {
    const { decisionId, decider, reader } = await decidedCase();
    const { caseId, appealId } = await (await appeal(decisionId)).json();
    await expect(
      t.db
        .updateTable('case')
        .set({ assignee_id: reader.id, lease_expires_at: sql`now() + interval '1 hour'` })
        .where('id', '=', caseId)
        .execute(),
    ).rejects.toThrow(/original case/);
    await expect(
      t.db
        .insertInto('appeal_decision')
        .values({
          appeal_id: appealId,
          outcome: 'reversed',
          public_reason: PUBLIC_REASON,
          internal_note: '',
          decided_by: decider.id,
        })
        .execute(),
    ).rejects.toThrow(/original case/);
  });

  it('by an independent reviewer reverses the decision: the platform hears the outcome and decision.reversed', async () => {
    const { decisionId, caseId: originalCaseId } = await decidedCase();
    const { caseId, appealId } = await (await appeal(decisionId)).json();
    await closeOtherOpenCases(t, caseId);
    const second = await t.signedIn(['reviewer']);
    expect((await claimAppeal(second.session)).case?.id).toBe(caseId);

    const response = await decideAppeal(second.session, caseId, 'reversed');
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({
      outcome: 'reversed',
      originalDecisionId: decisionId,
      decidedBy: second.id,
    });

    expect(await outboxOf('decision.reversed')).toContainEqual({
      subject: 'account:acct-reported',
      data: expect.objectContaining({ decisionId, accountId: 'acct-reported', partly: false }),
    });
    expect(await outboxOf('appeal.decided')).toContainEqual({
      subject: 'account:acct-reported',
      data: expect.objectContaining({ outcome: 'reversed', publicReason: PUBLIC_REASON, decisionId }),
    });
    // A person decided it, and the log names them; it keeps neither the public reason nor the note.
    const [decided] = await t.auditEvents('appeal.decided');
    expect(decided).toMatchObject({ actor_type: 'staff', actor_id: second.id, target_id: appealId });
    const reversed = await t.auditEvents('decision.reversed');
    expect(reversed).toContainEqual(
      expect.objectContaining({ target_id: decisionId, case_id: originalCaseId, actor_id: second.id }),
    );
    const logged = JSON.stringify(await t.auditEvents());
    expect(logged).not.toContain(PUBLIC_REASON);
    expect(logged).not.toContain(INTERNAL_NOTE);
  });

  it('shows its holder the decision appealed against, with the statement the user was given', async () => {
    const { decisionId } = await decidedCase();
    const { caseId } = await (await appeal(decisionId)).json();
    await closeOtherOpenCases(t, caseId);
    const second = await t.signedIn(['reviewer']);
    await claimAppeal(second.session);
    const detail = await (await t.request('GET', `/api/cases/${caseId}`, { session: second.session })).json();
    expect(detail.appeal).toMatchObject({
      appellant: 'affected_user',
      accountId: 'acct-reported',
      originalDecision: { id: decisionId, action: 'remove_messages', statement: { restriction: 'content_removed' } },
      outcome: null,
    });
  });

  it('upheld: the outcome goes to the platform and nothing is reversed', async () => {
    const { decisionId } = await decidedCase();
    const { caseId } = await (await appeal(decisionId)).json();
    await closeOtherOpenCases(t, caseId);
    const second = await t.signedIn(['reviewer']);
    await claimAppeal(second.session);
    const before = (await outboxOf('decision.reversed')).length;
    expect((await decideAppeal(second.session, caseId, 'upheld')).status).toBe(201);
    expect(await outboxOf('decision.reversed')).toHaveLength(before);
    expect(await outboxOf('appeal.decided')).toContainEqual(
      expect.objectContaining({ data: expect.objectContaining({ outcome: 'upheld', decisionId }) }),
    );
  });

  it('is not decided as an ordinary case', async () => {
    const { decisionId } = await decidedCase();
    const { caseId } = await (await appeal(decisionId)).json();
    await closeOtherOpenCases(t, caseId);
    const second = await t.signedIn(['reviewer']);
    await claimAppeal(second.session);
    const response = await t.request('POST', `/api/cases/${caseId}/decisions`, {
      session: second.session,
      body: aDecision('no_violation', 'HR-1', 'Trying to close an appeal the ordinary way.'),
    });
    expect(response.status).toBe(409);
  });
});

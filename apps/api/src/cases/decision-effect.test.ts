import type { Received } from '@docket/intake-client/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { aStatement, holdNewCase } from '../testing/cases';
import { type TestSession, useTestApp } from '../testing/harness';
import { aReport } from '../testing/reports';
import { pumpUntil, useWebhookScenario } from '../webhooks/test-helpers';

const t = useTestApp();
const scenario = useWebhookScenario(t);
let platform: { keyId: string; secret: string };

beforeAll(async () => {
  platform = await t.serviceAccount();
});

const PUBLIC_REASON = 'You sent several people a link asking for their bank login, which our scam rules forbid.';
const INTERNAL_NOTE = 'Same link as the ring we saw last week; check the sibling accounts tomorrow.';

async function decide(session: TestSession, action: string, endsAt: string | null = null) {
  const report = aReport({ category: 'scam_fraud' });
  const caseId = await holdNewCase(t, platform, session, report);
  const response = await t.request('POST', `/api/cases/${caseId}/decisions`, {
    session,
    body: {
      action,
      policyCode: 'SC-1',
      rationale: INTERNAL_NOTE,
      statement: aStatement({ publicReason: PUBLIC_REASON, endsAt }),
    },
  });
  expect(response.status).toBe(201);
  return { caseId, report, decision: await response.json() };
}

/** Nothing the platform hears may name staff, repeat the internal note or carry what people wrote. */
function expectNothingPrivate(received: Received[], secrets: string[]) {
  for (const { body } of received) {
    for (const secret of secrets) expect(body).not.toContain(secret);
  }
}

describe('a decision reaches the platform when it takes effect', () => {
  it('delivers decision.effective with the public statement, then case.closed, and never the internal note', async () => {
    const { receiver } = await scenario.endpoint(['decision.effective', 'case.closed']);
    const reviewer = await t.signedIn(['reviewer']);
    const { caseId, report, decision } = await decide(reviewer.session, 'remove_messages');

    await pumpUntil(scenario.pump(), () => receiver.received.length === 2);
    expect(receiver.refused).toBe(0);
    expect(receiver.received.map((r) => r.type)).toEqual(['decision.effective', 'case.closed']);
    const [effective, closed] = receiver.received.map((r) => r.data);
    expect(effective).toEqual({
      accountId: 'acct-reported',
      caseId,
      decisionId: decision.id,
      action: 'remove_messages',
      policyCode: 'SC-1',
      effectiveAt: expect.any(String),
      statement: {
        ground: { kind: 'terms', termsUrl: 'https://platform.example/terms#scams', alsoIllegal: false },
        category: 'scams_and_fraud',
        publicReason: PUBLIC_REASON,
        restriction: 'content_removed',
        endsAt: null,
        territorialScope: ['DE', 'FR'],
        automatedDetection: false,
        automatedDecision: 'not_automated',
        source: 'article_16_notice',
        redress: { how: 'internal_complaint', appealUntil: decision.statement.redress.appealUntil },
      },
    });
    expect(closed).toEqual({
      accountId: 'acct-reported',
      caseId,
      decisionId: decision.id,
      action: 'remove_messages',
      closedAt: effective?.effectiveAt,
    });
    expectNothingPrivate(receiver.received, [
      INTERNAL_NOTE,
      reviewer.id,
      reviewer.username,
      `Test ${reviewer.username}`,
      report.reporterText ?? '',
      ...report.messages.map((m) => m.body),
    ]);
    // The audit log says what was sent, but keeps no more of the public text than the decision's hash.
    const [audited] = (await t.auditEvents('decision.effective')).filter((e) => e.case_id === caseId);
    expect(audited?.details).toMatchObject({ accountId: 'acct-reported', action: 'remove_messages' });
    expect(JSON.stringify(audited?.details)).not.toContain(PUBLIC_REASON);
  });

  it('holds a suspension back until a different supervisor confirms it', async () => {
    const { receiver } = await scenario.endpoint(['decision.effective', 'case.closed']);
    const decider = await t.signedIn(['reviewer', 'supervisor']);
    const { caseId, decision } = await decide(decider.session, 'suspend_account', '2099-01-01T00:00:00.000Z');

    await scenario.pump()();
    expect(receiver.received).toEqual([]);
    expect(await t.auditEvents('decision.effective')).not.toContainEqual(expect.objectContaining({ case_id: caseId }));

    const supervisor = await t.signedIn(['supervisor']);
    const confirmed = await t.request('POST', `/api/decisions/${decision.id}/confirm`, {
      session: supervisor.session,
      body: {},
    });
    expect(confirmed.status).toBe(200);
    await pumpUntil(scenario.pump(), () => receiver.received.length === 2);
    expect(receiver.received[0]?.data).toMatchObject({
      decisionId: decision.id,
      action: 'suspend_account',
      statement: { restriction: 'account_suspended', endsAt: '2099-01-01T00:00:00.000Z', publicReason: PUBLIC_REASON },
    });
    expectNothingPrivate(receiver.received, [INTERNAL_NOTE, decider.username, supervisor.username, supervisor.id]);
  });

  it('tells the platform nothing of a suspension another supervisor rejects', async () => {
    const { receiver } = await scenario.endpoint(['decision.effective', 'case.closed']);
    const decider = await t.signedIn(['reviewer', 'supervisor']);
    const { decision } = await decide(decider.session, 'suspend_account');
    const supervisor = await t.signedIn(['supervisor']);
    const rejected = await t.request('POST', `/api/decisions/${decision.id}/reject`, {
      session: supervisor.session,
      body: { reason: 'Removing the messages is enough here.' },
    });
    expect(rejected.status).toBe(200);
    await scenario.pump()();
    expect(receiver.received).toEqual([]);
  });
});

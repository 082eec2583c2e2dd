import type { DecisionAction } from '@docket/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { aDecision, casesVia, holdNewCase as holdCase, spamReports } from '../testing/cases';
import { type TestSession, useTestApp } from '../testing/harness';
import { aReport } from '../testing/reports';

const t = useTestApp();
let platform: { keyId: string; secret: string };

beforeAll(async () => {
  platform = await t.serviceAccount();
});

const holdNewCase = (session: TestSession, report = aReport({ category: 'scam_fraud' })) =>
  holdCase(t, platform, session, report);

const decide = (session: TestSession, caseId: string, action: DecisionAction, policyCode = 'SC-1') =>
  t.request('POST', `/api/cases/${caseId}/decisions`, {
    session,
    body: aDecision(action, policyCode, 'Messages match the scam pattern described in policy.'),
  });

describe('the case view', () => {
  it('shows the holder the reports, reporter texts and only the reported messages, and audits the read', async () => {
    const reviewer = await t.signedIn(['reviewer']);
    const report = aReport({ category: 'scam_fraud', reporterText: 'They asked for my bank login.' });
    const caseId = await holdNewCase(reviewer.session, report);
    const response = await t.request('GET', `/api/cases/${caseId}`, { session: reviewer.session });
    expect(response.status).toBe(200);
    const detail = await response.json();
    expect(detail.reports[0].reporterText).toBe('They asked for my bank login.');
    expect(detail.evidence.map((m: { id: string }) => m.id)).toEqual(['m2', 'm3']); // m1 was not reported
    expect(JSON.stringify(detail)).not.toContain('Please stop messaging me.'); // m1's body
    expect(detail.conversation).toMatchObject({ messageCount: 3, participantIds: ['acct-reported', 'acct-reporter'] });
    expect(detail.accounts).toContainEqual(
      expect.objectContaining({ id: 'acct-reported', ageBand: 'adult', accountCreatedAt: '2024-01-02T03:04:05.000Z' }),
    );
    expect(response.headers.get('cache-control')).toBe('no-store');

    const [opened] = (await t.auditEvents('case.opened')).slice(-1);
    expect(opened).toMatchObject({
      case_id: caseId,
      actor_id: reviewer.id,
      details: expect.objectContaining({ evidenceMessageIds: ['m2', 'm3'] }),
    });
    expect(JSON.stringify(opened)).not.toContain('bank login');
  });

  it('is refused to anyone who does not hold the case', async () => {
    const holder = await t.signedIn(['reviewer']);
    const caseId = await holdNewCase(holder.session);
    const other = await t.signedIn(['reviewer', 'supervisor']);
    expect((await t.request('GET', `/api/cases/${caseId}`, { session: other.session })).status).toBe(409);
    expect(
      (await t.request('GET', '/api/cases/00000000-0000-4000-8000-000000000000', { session: other.session })).status,
    ).toBe(404);
  });

  it('blurs urgent evidence by default, follows the preference, and audits each reveal', async () => {
    const reviewer = await t.signedIn(['reviewer']);
    const urgent = await holdNewCase(reviewer.session, aReport({ category: 'violent_threat' }));
    expect(
      (await (await t.request('GET', `/api/cases/${urgent}`, { session: reviewer.session })).json()).blurEvidence,
    ).toBe(true);
    expect(
      (await t.request('POST', `/api/cases/${urgent}/evidence/reveal`, { session: reviewer.session })).status,
    ).toBe(204);
    expect((await t.auditEvents('evidence.revealed')).at(-1)).toMatchObject({ case_id: urgent, actor_id: reviewer.id });

    const put = await t.request('PUT', '/api/me/preferences', {
      session: reviewer.session,
      body: { blurUrgentEvidence: false },
    });
    expect(await put.json()).toEqual({ blurUrgentEvidence: false });
    expect(
      (await (await t.request('GET', `/api/cases/${urgent}`, { session: reviewer.session })).json()).blurEvidence,
    ).toBe(false);
  });
});

describe('decisions', () => {
  it('decides a held case once; a second decision is refused', async () => {
    const reviewer = await t.signedIn(['reviewer']);
    const caseId = await holdNewCase(reviewer.session);
    const first = await decide(reviewer.session, caseId, 'remove_messages');
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({ action: 'remove_messages', policyCode: 'SC-1', confirmation: null });
    const row = await t.db
      .selectFrom('case')
      .select(['status', 'assignee_id'])
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'decided', assignee_id: null });
    const again = await decide(reviewer.session, caseId, 'warn');
    expect(again.status).toBe(409);
    expect(await t.db.selectFrom('decision').select('id').where('case_id', '=', caseId).execute()).toHaveLength(1);
  });

  // Deciding releases the lease, but the rule must not lean on that: a case closed by any other
  // path while its reviewer's lease runs is still decided once and for all.
  it('refuses to decide a case already decided, even while its reviewer still holds the lease', async () => {
    const reviewer = await t.signedIn(['reviewer']);
    const caseId = await holdNewCase(reviewer.session);
    await t.db
      .updateTable('case')
      .set({ status: 'decided', decided_at: new Date() })
      .where('id', '=', caseId)
      .execute();
    const response = await decide(reviewer.session, caseId, 'warn');
    expect(response.status).toBe(409);
    expect((await response.json()).detail).toBe('This case is already decided.');
    expect(await t.db.selectFrom('decision').select('id').where('case_id', '=', caseId).execute()).toEqual([]);
  });

  it('refuses an unknown or inactive policy, naming the field', async () => {
    const reviewer = await t.signedIn(['reviewer']);
    const caseId = await holdNewCase(reviewer.session);
    const response = await decide(reviewer.session, caseId, 'warn', 'XX-9');
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual([{ field: 'policyCode', message: 'not an active policy' }]);
  });

  it('refuses a short rationale', async () => {
    const reviewer = await t.signedIn(['reviewer']);
    const caseId = await holdNewCase(reviewer.session);
    const response = await t.request('POST', `/api/cases/${caseId}/decisions`, {
      session: reviewer.session,
      body: { action: 'warn', policyCode: 'SC-1', rationale: 'bad' },
    });
    expect(response.status).toBe(400);
  });

  it('escalation moves the case to the supervisors, who can claim it', async () => {
    const reviewer = await t.signedIn(['reviewer']);
    const caseId = await holdNewCase(reviewer.session);
    expect((await decide(reviewer.session, caseId, 'escalate')).status).toBe(201);
    const row = await t.db
      .selectFrom('case')
      .select(['queue_id', 'status', 'assignee_id'])
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ queue_id: 'escalations', status: 'open', assignee_id: null });
    const supervisor = await t.signedIn(['reviewer', 'supervisor']);
    const claimed = await (
      await t.request('POST', '/api/queues/escalations/claim-next', { session: supervisor.session, body: {} })
    ).json();
    expect(claimed.case.id).toBe(caseId);
  });

  it('a suspension waits for another supervisor: never the decider, and only once', async () => {
    const decider = await t.signedIn(['reviewer', 'supervisor']);
    const caseId = await holdNewCase(decider.session);
    const decision = await (await decide(decider.session, caseId, 'suspend_account')).json();
    expect(decision.confirmation).toEqual({ status: 'pending', by: null, at: null, reason: null });
    expect(
      (await t.db.selectFrom('case').select('status').where('id', '=', caseId).executeTakeFirstOrThrow()).status,
    ).toBe('awaiting_confirmation');

    const pending = await (await t.request('GET', '/api/decisions/pending', { session: decider.session })).json();
    expect(pending.items).toContainEqual(
      expect.objectContaining({ id: decision.id, case: expect.objectContaining({ id: caseId }) }),
    );

    const own = await t.request('POST', `/api/decisions/${decision.id}/confirm`, {
      session: decider.session,
      body: {},
    });
    expect(own.status).toBe(409);

    const supervisor = await t.signedIn(['supervisor']);
    const confirmed = await t.request('POST', `/api/decisions/${decision.id}/confirm`, {
      session: supervisor.session,
      body: {},
    });
    expect(confirmed.status).toBe(200);
    expect((await confirmed.json()).confirmation).toMatchObject({ status: 'confirmed', by: { id: supervisor.id } });
    expect(
      (await t.db.selectFrom('case').select('status').where('id', '=', caseId).executeTakeFirstOrThrow()).status,
    ).toBe('decided');
    expect(
      (
        await t.request('POST', `/api/decisions/${decision.id}/reject`, {
          session: supervisor.session,
          body: { reason: 'Changed my mind entirely.' },
        })
      ).status,
    ).toBe(409);
  });

  it('a rejected referral reopens the case in its queue', async () => {
    const reviewer = await t.signedIn(['reviewer']);
    const caseId = await holdNewCase(reviewer.session);
    const decision = await (await decide(reviewer.session, caseId, 'refer_law_enforcement')).json();
    const supervisor = await t.signedIn(['supervisor']);
    const noReason = await t.request('POST', `/api/decisions/${decision.id}/reject`, {
      session: supervisor.session,
      body: {},
    });
    expect(noReason.status).toBe(400);
    const rejected = await t.request('POST', `/api/decisions/${decision.id}/reject`, {
      session: supervisor.session,
      body: { reason: 'Not a credible threat; warn instead.' },
    });
    expect(rejected.status).toBe(200);
    expect(
      (await t.db.selectFrom('case').select('status').where('id', '=', caseId).executeTakeFirstOrThrow()).status,
    ).toBe('open');
    expect((await t.auditEvents('decision.rejected')).at(-1)).toMatchObject({
      case_id: caseId,
      actor_id: supervisor.id,
    });
  });

  it('shows prior decisions on an account in its next case', async () => {
    const reviewer = await t.signedIn(['reviewer']);
    const first = await holdNewCase(reviewer.session, aReport({ category: 'spam', conversationId: 'conv-prior-1' }));
    await decide(reviewer.session, first, 'warn', 'SP-1');
    const second = await holdNewCase(reviewer.session, aReport({ category: 'spam', conversationId: 'conv-prior-2' }));
    const detail = await (await t.request('GET', `/api/cases/${second}`, { session: reviewer.session })).json();
    const reported = detail.accounts.find((a: { id: string }) => a.id === 'acct-reported');
    // Earlier tests in this file decided cases about the same account too; the warn is among them.
    expect(reported.priorDecisions).toContainEqual({ action: 'warn', count: 1 });
    expect(detail.timeline.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['report.received', 'intake.reports_received', 'case.claimed']),
    );
  });
});

describe('queues and policies administration', () => {
  it('lets admins add a queue and edit policies, and nobody else', async () => {
    const admin = await t.signedIn(['admin']);
    const created = await t.request('POST', '/api/queues', {
      session: admin.session,
      body: { id: 'hate_priority', name: 'Hate (priority)', categories: ['hate'], slaMinutes: 120, position: 2 },
    });
    expect(created.status).toBe(204);
    const reviewer = await t.signedIn(['reviewer']);
    const queues = await (await t.request('GET', '/api/queues', { session: reviewer.session })).json();
    expect(queues.items.map((q: { id: string }) => q.id)).toContain('hate_priority');
    expect((await t.request('POST', '/api/queues', { session: reviewer.session, body: {} })).status).toBe(403);

    const policy = await t.request('PATCH', '/api/policies/SP-1', {
      session: admin.session,
      body: { title: 'Spam', description: 'Bulk unsolicited messages.', active: false },
    });
    expect(policy.status).toBe(200);
    const visible = await (await t.request('GET', '/api/policies', { session: reviewer.session })).json();
    expect(visible.items.map((p: { code: string }) => p.code)).not.toContain('SP-1');
    await t.request('PATCH', '/api/policies/SP-1', { session: admin.session, body: { title: 'Spam', active: true } });
  });
});

it('counts cases in review on the queues page', async () => {
  await t.db.updateTable('case').set({ status: 'decided' }).where('queue_id', '=', 'scams_spam').execute();
  await casesVia(t, platform, spamReports(3));
  const reviewer = await t.signedIn(['reviewer']);
  await t.request('POST', '/api/queues/scams_spam/claim-next', { session: reviewer.session, body: {} });
  const queues = await (await t.request('GET', '/api/queues', { session: reviewer.session })).json();
  expect(queues.items.find((q: { id: string }) => q.id === 'scams_spam')).toMatchObject({ openCases: 3, inReview: 1 });
});

it('pages decisions awaiting confirmation with a cursor, oldest first', async () => {
  const supervisor = await t.signedIn(['supervisor']);
  const before = await (
    await t.request('GET', '/api/decisions/pending?limit=200', { session: supervisor.session })
  ).json();
  const reviewer = await t.signedIn(['reviewer']);
  const ids: string[] = [];
  for (let i = 0; i < 3; i++) {
    const caseId = await holdNewCase(reviewer.session);
    ids.push((await (await decide(reviewer.session, caseId, 'suspend_account')).json()).id);
  }
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `?limit=2&cursor=${cursor}` : '?limit=2';
    const page = await (
      await t.request('GET', `/api/decisions/pending${query}`, { session: supervisor.session })
    ).json();
    expect(page.items.length).toBeLessThanOrEqual(2);
    seen.push(...page.items.map((d: { id: string }) => d.id));
    cursor = page.nextCursor;
  } while (cursor);
  expect(seen).toHaveLength(before.items.length + 3);
  expect(seen.slice(-3)).toEqual(ids);
  expect(
    (await t.request('GET', '/api/decisions/pending?cursor=not-a-cursor', { session: supervisor.session })).status,
  ).toBe(400);
});

describe('the policy a decision cites', () => {
  it('must say what the decision says, and fit the case’s category; a mismatch is a 400 naming policyCode', async () => {
    const reviewer = await t.signedIn(['reviewer']);
    const caseId = await holdNewCase(reviewer.session, aReport({ category: 'scam_fraud' }));
    const refusals = [
      { action: 'no_violation', policyCode: 'SC-1', message: 'names a violation' },
      { action: 'warn', policyCode: 'NV-1', message: 'names no violation' },
      { action: 'warn', policyCode: 'CS-1', message: 'does not fit the case category' },
    ] as const;
    for (const { action, policyCode, message } of refusals) {
      const response = await decide(reviewer.session, caseId, action, policyCode);
      expect(response.status, `${action} under ${policyCode}`).toBe(400);
      expect((await response.json()).errors, `${action} under ${policyCode}`).toEqual([
        expect.objectContaining({ field: 'policyCode', message }),
      ]);
    }
    expect(await t.db.selectFrom('decision').select('id').where('case_id', '=', caseId).execute()).toEqual([]);
    expect((await decide(reviewer.session, caseId, 'no_violation', 'NV-1')).status).toBe(201);
  });

  it('lists which categories each policy fits, for the console to offer only those', async () => {
    const reviewer = await t.signedIn(['reviewer']);
    const { items } = await (await t.request('GET', '/api/policies', { session: reviewer.session })).json();
    expect(items).toContainEqual(expect.objectContaining({ code: 'NV-1', violation: false, categories: [] }));
    expect(items).toContainEqual(
      expect.objectContaining({ code: 'SC-1', violation: true, categories: expect.arrayContaining(['scam_fraud']) }),
    );
  });
});

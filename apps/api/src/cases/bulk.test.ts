import { BULK_DECISION_MAX } from '@docket/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { aStatement, casesVia, spamReports } from '../testing/cases';
import { type TestSession, useTestApp } from '../testing/harness';
import { aReport } from '../testing/reports';

const t = useTestApp();
let platform: { keyId: string; secret: string };

beforeAll(async () => {
  platform = await t.serviceAccount();
});

const NOTE = 'One spam wave: same link, same wording, new accounts every hour.';
const spam = (caseIds: string[]) => ({
  caseIds,
  action: 'remove_messages',
  policyCode: 'SP-1',
  rationale: NOTE,
  statement: aStatement({ publicReason: 'Your messages were bulk advertising, which our spam rules forbid.' }),
});

const decisionsOn = (caseIds: string[]) =>
  t.db.selectFrom('decision').selectAll().where('case_id', 'in', caseIds).orderBy('case_id').execute();

const eventsOf = (requestId: string | null, action: string) =>
  t.db
    .selectFrom('audit_event')
    .select(['case_id', 'target_id', 'details', 'request_id'])
    .where('request_id', '=', requestId ?? '')
    .where('action', '=', action)
    .execute();

function post(session: TestSession, path: string, body: object) {
  return t.request('POST', `/api/cases/bulk-decisions${path}`, { session, body });
}

describe('a bulk decision', () => {
  it('previews what would happen to how many cases, and changes none of them', async () => {
    const reviewer = await t.signedIn(['reviewer']);
    const caseIds = await casesVia(t, platform, spamReports(3));
    const response = await post(reviewer.session, '/preview', spam(caseIds));
    expect(response.status, await response.clone().text()).toBe(200);
    expect(await response.json()).toMatchObject({
      action: 'remove_messages',
      caseIds,
      decided: 3,
      awaitingConfirmation: 0,
      escalated: 0,
      claimed: 3,
      statements: 3,
      accounts: 1,
      refusals: [],
    });
    expect(await decisionsOn(caseIds)).toEqual([]);
    const cases = await t.db.selectFrom('case').select(['status', 'assignee_id']).where('id', 'in', caseIds).execute();
    expect(cases).toEqual(caseIds.map(() => ({ status: 'open', assignee_id: null })));
  });

  it('decides twenty cases, each with its own decision, statement and audit event, under one request id', async () => {
    const reviewer = await t.signedIn(['reviewer']);
    const caseIds = await casesVia(t, platform, spamReports(20));
    const response = await post(reviewer.session, '', spam(caseIds));
    expect(response.status, await response.clone().text()).toBe(201);
    const result = await response.json();
    expect(result.decisions).toHaveLength(20);

    const decisions = await decisionsOn(caseIds);
    expect(decisions.map((d) => d.case_id)).toEqual([...caseIds].sort());
    expect(new Set(decisions.map((d) => d.id)).size).toBe(20);
    expect(decisions.every((d) => d.decided_by === reviewer.id && d.policy_code === 'SP-1')).toBe(true);
    const statements = await t.db
      .selectFrom('statement_of_reasons')
      .select('decision_id')
      .where(
        'decision_id',
        'in',
        decisions.map((d) => d.id),
      )
      .execute();
    expect(statements).toHaveLength(20);

    const requestId = response.headers.get('x-request-id');
    const recorded = await eventsOf(requestId, 'decision.recorded');
    expect(recorded.map((e) => e.case_id).sort()).toEqual([...caseIds].sort());
    expect(recorded.map((e) => e.target_id).sort()).toEqual(decisions.map((d) => d.id).sort());
    expect(recorded.every((e) => e.details.bulk === 20 && e.details.claimed === true)).toBe(true);
    // No public reason in the log: a hash of it, as for one decision (ADR 028).
    expect(JSON.stringify(recorded)).not.toContain('bulk advertising');
    // Each took effect on its own (this app has no undo window).
    expect(await eventsOf(requestId, 'decision.effective')).toHaveLength(20);
    const cases = await t.db.selectFrom('case').select(['status', 'assignee_id']).where('id', 'in', caseIds).execute();
    expect(cases).toEqual(caseIds.map(() => ({ status: 'decided', assignee_id: null })));
  });

  it('refuses the whole request when someone else holds one case, naming it, and writes nothing', async () => {
    const reviewer = await t.signedIn(['reviewer']);
    const other = await t.signedIn(['reviewer']);
    const caseIds = await casesVia(t, platform, spamReports(4));
    const taken = caseIds[2] as string;
    await t.db
      .updateTable('case')
      .set({ assignee_id: other.id, lease_expires_at: new Date(Date.now() + 600_000) })
      .where('id', '=', taken)
      .execute();

    const preview = await (await post(reviewer.session, '/preview', spam(caseIds))).json();
    expect(preview.decided).toBe(3);
    expect(preview.refusals).toEqual([
      { caseId: taken, reason: 'held_by_someone_else', message: 'someone else holds it' },
    ]);

    const response = await post(reviewer.session, '', spam(caseIds));
    expect(response.status).toBe(409);
    const problem = await response.json();
    expect(problem.errors).toEqual([{ field: 'caseIds[2]', message: `${taken}: someone else holds it` }]);
    expect(await decisionsOn(caseIds)).toEqual([]);
    const held = await t.db.selectFrom('case').select(['id', 'assignee_id']).where('id', 'in', caseIds).execute();
    expect(held.filter((c) => c.assignee_id === reviewer.id)).toEqual([]);
    expect(await eventsOf(response.headers.get('x-request-id'), 'decision.recorded')).toEqual([]);
  });

  it('applies the rules of each case: a policy that does not fit one case stops them all', async () => {
    const reviewer = await t.signedIn(['reviewer']);
    const caseIds = await casesVia(t, platform, [...spamReports(2), aReport({ category: 'harassment' })]);
    const response = await post(reviewer.session, '', spam(caseIds));
    expect(response.status).toBe(409);
    expect((await response.json()).errors).toEqual([
      { field: 'caseIds[2]', message: `${caseIds[2]}: SP-1 does not cover harassment cases` },
    ]);
    expect(await decisionsOn(caseIds)).toEqual([]);
  });

  it('refuses decided cases and cases of a queue the decider may not work', async () => {
    const reviewer = await t.signedIn(['reviewer']);
    const caseIds = await casesVia(t, platform, spamReports(3));
    await t.db
      .updateTable('case')
      .set({ status: 'decided' })
      .where('id', '=', caseIds[0] as string)
      .execute();
    await t.db
      .updateTable('case')
      .set({ queue_id: 'escalations' })
      .where('id', '=', caseIds[1] as string)
      .execute();
    const preview = await (await post(reviewer.session, '/preview', spam(caseIds))).json();
    expect(preview.refusals.map((r: { reason: string }) => r.reason)).toEqual(['not_open', 'queue_role']);
    expect((await post(reviewer.session, '', spam(caseIds))).status).toBe(409);
  });

  it('sends each suspension to a supervisor for confirmation, and tells the platform nothing yet', async () => {
    const reviewer = await t.signedIn(['reviewer']);
    const caseIds = await casesVia(t, platform, spamReports(3));
    const body = { ...spam(caseIds), action: 'suspend_account' };
    const preview = await (await post(reviewer.session, '/preview', body)).json();
    expect(preview).toMatchObject({ decided: 0, awaitingConfirmation: 3, accounts: 0 });
    const response = await post(reviewer.session, '', body);
    expect(response.status).toBe(201);
    expect((await response.json()).decisions.map((d: { status: string }) => d.status)).toEqual([
      'awaiting_confirmation',
      'awaiting_confirmation',
      'awaiting_confirmation',
    ]);
    expect(await eventsOf(response.headers.get('x-request-id'), 'decision.effective')).toEqual([]);
    const pending = await decisionsOn(caseIds);
    expect(pending.every((d) => d.requires_confirmation)).toBe(true);
  });

  it('decides every open case about one account', async () => {
    const reviewer = await t.signedIn(['reviewer']);
    const accountId = `acct-spammer-${Date.now()}`;
    const about = (category: 'spam' | 'scam_fraud') =>
      aReport({
        category,
        reportedAccountId: accountId,
        accounts: [
          { id: 'acct-reporter', handle: 'river_song', ageBand: 'adult' },
          { id: accountId, handle: `spammer${Date.now()}`, ageBand: 'adult' },
        ],
        conversation: { id: `conv-${accountId}-${category}`, participantIds: ['acct-reporter', accountId] },
        messages: [{ id: 'm1', senderId: accountId, sentAt: '2026-11-01T10:00:00Z', body: 'Cheap watches!' }],
        reportedMessageIds: ['m1'],
      });
    const caseIds = await casesVia(t, platform, [about('spam'), about('scam_fraud')]);
    const { caseIds: _list, ...rest } = spam([]);
    const preview = await (await post(reviewer.session, '/preview', { ...rest, accountId })).json();
    expect([...preview.caseIds].sort()).toEqual([...caseIds].sort());
    const response = await post(reviewer.session, '', { ...rest, accountId });
    expect(response.status, await response.clone().text()).toBe(201);
    expect(await decisionsOn(caseIds)).toHaveLength(2);

    const none = await post(reviewer.session, '', { ...rest, accountId });
    expect(none.status).toBe(404);
    expect((await none.json()).errors).toEqual([{ field: 'accountId', message: 'no open cases' }]);
  });

  it(`takes at most ${BULK_DECISION_MAX} cases, each once, and a request names cases or an account`, async () => {
    const reviewer = await t.signedIn(['reviewer']);
    const many = Array.from({ length: BULK_DECISION_MAX + 1 }, () => crypto.randomUUID());
    const tooMany = await post(reviewer.session, '', spam(many));
    expect(tooMany.status).toBe(400);
    expect((await tooMany.json()).errors[0].field).toBe('caseIds');
    const id = crypto.randomUUID();
    const twice = await post(reviewer.session, '', spam([id, id]));
    expect((await twice.json()).errors).toEqual([{ field: 'caseIds.1', message: 'listed twice' }]);
    const both = await post(reviewer.session, '', { ...spam([id]), accountId: 'acct-reported' });
    expect(both.status).toBe(400);
  });

  it('is not for auditors', async () => {
    const auditor = await t.signedIn(['auditor']);
    const caseIds = await casesVia(t, platform, spamReports(1));
    expect((await post(auditor.session, '', spam(caseIds))).status).toBe(403);
    expect((await post(auditor.session, '/preview', spam(caseIds))).status).toBe(403);
  });
});

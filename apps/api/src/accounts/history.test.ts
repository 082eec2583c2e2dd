import { beforeAll, expect, it } from 'vitest';
import { casesVia } from '../testing/cases';
import { type TestSession, useTestApp } from '../testing/harness';
import { aReport } from '../testing/reports';

const t = useTestApp();
let platform: { keyId: string; secret: string };
let reviewer: { id: string; session: TestSession };

beforeAll(async () => {
  platform = await t.serviceAccount();
  reviewer = await t.signedIn(['reviewer']);
});

const history = (accountId: string, session = reviewer.session) =>
  t.request('GET', `/api/accounts/${encodeURIComponent(accountId)}`, { session });

it('lists the reports about and by an account, its cases, decisions and strikes, and audits the look-up', async () => {
  const about = aReport({ reporterText: 'A private complaint in the reporter’s words.' });
  const by = aReport({
    reporterId: 'acct-reported',
    reportedAccountId: 'acct-reporter',
    reportedMessageIds: ['m1'],
  });
  const [caseAbout, caseBy] = (await casesVia(t, platform, [about, by])) as [string, string];
  // One decision that stands against it, one that found nothing, one a supervisor rejected.
  const admin = await t.staff(['reviewer']);
  await t.db
    .insertInto('decision')
    .values([
      {
        case_id: caseAbout,
        action: 'warn',
        policy_code: 'HR-1',
        rationale: 'internal',
        decided_by: admin.id,
        requires_confirmation: false,
      },
      {
        case_id: caseAbout,
        action: 'no_violation',
        policy_code: 'NV-1',
        rationale: 'internal',
        decided_by: admin.id,
        requires_confirmation: false,
      },
      {
        case_id: caseBy,
        action: 'warn',
        policy_code: 'HR-1',
        rationale: 'internal',
        decided_by: admin.id,
        requires_confirmation: false,
      },
    ])
    .execute();

  const response = await history('acct-reported');
  expect(response.status).toBe(200);
  const body = await response.json();
  expect(body.account).toMatchObject({ id: 'acct-reported', handle: 'the_doctor' });
  expect(body.reports).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ externalId: about.externalId, role: 'reported', caseId: caseAbout }),
      expect.objectContaining({ externalId: by.externalId, role: 'reporter', caseId: caseBy }),
    ]),
  );
  expect(body.cases.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining([caseAbout, caseBy]));
  // The warning where it was reported stands; "no violation" and the warning on the case it reported do not.
  const mine = body.decisions.filter((d: { caseId: string }) => [caseAbout, caseBy].includes(d.caseId));
  expect(mine.filter((d: { standsAgainstAccount: boolean }) => d.standsAgainstAccount)).toHaveLength(1);
  expect(body.strikes).toBeGreaterThanOrEqual(1);
  expect(JSON.stringify(body)).not.toContain('private complaint');
  expect(JSON.stringify(body)).not.toContain('internal');

  const [viewed] = (await t.auditEvents('account.viewed')).slice(-1);
  expect(viewed).toMatchObject({ actor_id: reviewer.id, target_type: 'platform_account', target_id: 'acct-reported' });
});

it('says an unknown account is not found, and refuses people who may not read cases', async () => {
  expect((await history('acct-nobody')).status).toBe(404);
  const auditor = await t.signedIn(['auditor']);
  expect((await history('acct-reported', auditor.session)).status).toBe(403);
});

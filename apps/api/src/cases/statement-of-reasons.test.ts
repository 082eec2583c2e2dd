import { connect } from '@docket/db';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { aStatement, holdNewCase } from '../testing/cases';
import { type TestSession, useTestApp } from '../testing/harness';
import { aReport } from '../testing/reports';

// A longer window than the default, so the test tells a configured window from the built-in one.
const t = useTestApp({ APPEAL_WINDOW_MONTHS: '12' });
let platform: { keyId: string; secret: string };

beforeAll(async () => {
  platform = await t.serviceAccount();
});

const PUBLIC_REASON = 'You sent several people a link asking for their bank login, which our scam rules forbid.';
const INTERNAL_NOTE = 'Same link as the ring we saw last week; check the sibling accounts tomorrow.';

/** Sends what a client might: a body the schema is free to refuse. */
async function decide(body: Record<string, unknown>, session?: TestSession) {
  const reviewer = session ?? (await t.signedIn(['reviewer'])).session;
  const caseId = await holdNewCase(t, platform, reviewer, aReport({ category: 'scam_fraud' }));
  const response = await t.request('POST', `/api/cases/${caseId}/decisions`, {
    session: reviewer,
    body: { action: 'remove_messages', policyCode: 'SC-1', rationale: INTERNAL_NOTE, ...body },
  });
  return { caseId, reviewer, response };
}

describe('a restricting decision carries a statement of reasons', () => {
  it('is refused without one, naming the field, and nothing is recorded', async () => {
    for (const action of ['remove_messages', 'restrict_account', 'suspend_account'] as const) {
      const { caseId, response } = await decide({ action });
      expect(response.status).toBe(400);
      expect((await response.json()).errors).toContainEqual(expect.objectContaining({ field: 'statement' }));
      expect(await t.db.selectFrom('decision').select('id').where('case_id', '=', caseId).execute()).toEqual([]);
    }
  });

  it('is refused when the statement is incomplete, naming each missing field', async () => {
    const { response } = await decide({ statement: { ground: { kind: 'terms' } } });
    expect(response.status).toBe(400);
    const fields = (await response.json()).errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['statement.publicReason', 'statement.territorialScope']));
  });

  it('refuses the illegal-content ground without the law it rests on', async () => {
    const { response } = await decide({
      statement: { ...aStatement(), ground: { kind: 'illegal', explanation: 'Fraud under national criminal law.' } },
    });
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toContainEqual(
      expect.objectContaining({ field: 'statement.ground.legalGround' }),
    );
  });

  it('refuses the terms ground under a policy that cites no terms clause', async () => {
    const admin = await t.signedIn(['admin']);
    const created = await t.request('POST', '/api/policies', {
      session: admin.session,
      body: { code: 'NT-1', title: 'No terms yet', dsaCategory: 'scams_and_fraud', termsUrl: null },
    });
    expect(created.status).toBe(201);
    const { caseId, response } = await decide({ policyCode: 'NT-1', statement: aStatement() });
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual([
      { field: 'statement.ground.kind', message: 'the policy cites no terms clause' },
    ]);
    expect(await t.db.selectFrom('decision').select('id').where('case_id', '=', caseId).execute()).toEqual([]);
  });

  it('refuses a statement on a decision that restricts nothing', async () => {
    const { response } = await decide({ action: 'warn', statement: aStatement() });
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toContainEqual(expect.objectContaining({ field: 'statement' }));
  });

  it('keeps the public reason and the internal note apart, and returns the statement with the case', async () => {
    const { caseId, reviewer, response } = await decide({
      action: 'restrict_account',
      statement: aStatement({
        publicReason: PUBLIC_REASON,
        ground: { kind: 'illegal', legalGround: '§ 263 StGB (fraud)', explanation: 'Phishing for bank logins.' },
        endsAt: '2027-01-04T00:00:00.000Z',
      }),
    });
    expect(response.status).toBe(201);
    const decision = await response.json();
    expect(decision.rationale).toBe(INTERNAL_NOTE);
    expect(decision.statement).toMatchObject({
      publicReason: PUBLIC_REASON,
      ground: { kind: 'illegal', legalGround: '§ 263 StGB (fraud)' },
      category: 'scams_and_fraud',
      restriction: 'service_partially_suspended',
      endsAt: '2027-01-04T00:00:00.000Z',
      territorialScope: ['DE', 'FR'],
      automatedDetection: false,
      automatedDecision: 'not_automated',
      source: 'article_16_notice',
    });
    expect(JSON.stringify(decision.statement)).not.toContain(INTERNAL_NOTE);

    const stored = await t.db
      .selectFrom('statement_of_reasons as s')
      .innerJoin('decision as d', 'd.id', 's.decision_id')
      .select(['s.public_reason', 'd.rationale'])
      .where('d.case_id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ public_reason: PUBLIC_REASON, rationale: INTERNAL_NOTE });

    // The supervisors' view of the same decision carries the same statement.
    const supervisor = await t.signedIn(['supervisor']);
    const pending = await decide({ action: 'suspend_account', statement: aStatement() }, reviewer);
    const listed = await (await t.request('GET', '/api/decisions/pending', { session: supervisor.session })).json();
    const found = listed.items.find((item: { caseId: string }) => item.caseId === pending.caseId);
    expect(found.statement).toMatchObject({ restriction: 'account_terminated', ground: { kind: 'terms' } });
  });

  it('names the policy’s terms clause on the terms ground and flags machine detection', async () => {
    const reviewer = (await t.signedIn(['reviewer'])).session;
    const caseId = await holdNewCase(
      t,
      platform,
      reviewer,
      aReport({ category: 'scam_fraud', source: 'automated', reporterId: null }),
    );
    const response = await t.request('POST', `/api/cases/${caseId}/decisions`, {
      session: reviewer,
      body: { action: 'remove_messages', policyCode: 'SC-1', rationale: INTERNAL_NOTE, statement: aStatement() },
    });
    expect((await response.json()).statement).toMatchObject({
      ground: { kind: 'terms', termsUrl: 'https://platform.example/terms#scams', alsoIllegal: false },
      restriction: 'content_removed',
      automatedDetection: true,
      source: 'voluntary',
    });
  });

  it('gives the user until the end of the configured appeal window', async () => {
    const { response } = await decide({ statement: aStatement() });
    const decision = await response.json();
    const until = new Date(decision.decidedAt);
    until.setUTCMonth(until.getUTCMonth() + 12);
    expect(decision.statement.redress).toEqual({ how: 'internal_complaint', appealUntil: until.toISOString() });
  });

  it('audits the statement’s facts and a hash of the public reason, never its text or the note', async () => {
    const { response } = await decide({
      statement: aStatement({
        publicReason: PUBLIC_REASON,
        ground: { kind: 'illegal', legalGround: '§ 263 StGB (fraud)', explanation: 'Phishing for bank logins.' },
      }),
    });
    const decision = await response.json();
    const [event] = (await t.auditEvents('decision.recorded')).filter((e) => e.target_id === decision.id);
    expect(event?.details).toMatchObject({
      statement: {
        ground: 'illegal',
        category: 'scams_and_fraud',
        restriction: 'content_removed',
        territorialScope: ['DE', 'FR'],
        automatedDetection: false,
        automatedDecision: 'not_automated',
        endsAt: null,
        appealUntil: decision.statement.redress.appealUntil,
        publicReasonSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
    });
    const serialized = JSON.stringify(event);
    for (const text of [PUBLIC_REASON, INTERNAL_NOTE, '§ 263 StGB', 'Phishing for bank logins']) {
      expect(serialized).not.toContain(text);
    }
  });

  it('is never rewritten: the application’s database role may not change or delete one', async () => {
    const { response } = await decide({ statement: aStatement({ publicReason: PUBLIC_REASON }) });
    const { id } = await response.json();
    const app = await connect({ databaseUrl: t.url, role: 'docket_app', poolSize: 1 });
    try {
      await expect(
        sql`update statement_of_reasons set public_reason = 'Nothing happened.'`.execute(app.db),
      ).rejects.toThrow(/permission denied/);
      await expect(sql`delete from statement_of_reasons`.execute(app.db)).rejects.toThrow(/permission denied/);
    } finally {
      await app.close();
    }
    const stored = await t.db
      .selectFrom('statement_of_reasons')
      .select('public_reason')
      .where('decision_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(stored.public_reason).toBe(PUBLIC_REASON);
  });
});

describe('the policy catalog', () => {
  it('maps each demo policy to a DSA category and a terms clause', async () => {
    const reviewer = await t.signedIn(['reviewer']);
    const { items } = await (await t.request('GET', '/api/policies', { session: reviewer.session })).json();
    expect(items).toContainEqual(
      expect.objectContaining({
        code: 'CS-1',
        dsaCategory: 'protection_of_minors',
        termsUrl: 'https://platform.example/terms#child-safety',
      }),
    );
  });
});

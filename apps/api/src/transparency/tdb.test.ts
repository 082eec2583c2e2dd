/**
 * Statements of reasons to the EU Transparency Database: the export passes the Database's own
 * rules (its local stand-in), goes in calls of at most 100, and every statement ends up shown as
 * accepted or as refused with the validator's words; transient failures are retried.
 */
import type { StatementBody } from '@docket/contracts';
import { startTdbTestServer, type TdbTestServer, validateStatement } from '@docket/tdb-validator';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aDecision, aStatement, holdNewCase } from '../testing/cases';
import { useTestApp } from '../testing/harness';
import { aReport } from '../testing/reports';
import { queueNewStatements, submitStatements, type TdbSettings } from './submissions';
import { loadExportSources, redactPersonalData, toTdbStatement } from './tdb-statement';

const t = useTestApp();
const TOKEN = 'tdb-test-token';
let server: TdbTestServer;
let platform: { keyId: string; secret: string };
let settings: TdbSettings;

beforeAll(async () => {
  server = await startTdbTestServer({ token: TOKEN });
  platform = await t.serviceAccount();
  settings = {
    url: `${server.url}/api/v1/statements`,
    token: TOKEN,
    puidPrefix: 'docket',
    timeoutMs: 5000,
    leaseMs: 60_000,
    backoff: { baseMs: 60_000, capMs: 3_600_000 },
  };
});
afterAll(() => server.close());

const RATIONALE = 'Internal note: the account matches an earlier scam ring.';

/** A restricting decision recorded through the API, with its statement. */
async function decided(action: 'remove_messages' | 'restrict_account' | 'suspend_account', statement: StatementBody) {
  const { session } = await t.signedIn(['reviewer']);
  const caseId = await holdNewCase(t, platform, session, aReport({ category: 'scam_fraud' }));
  const response = await t.request('POST', `/api/cases/${caseId}/decisions`, {
    session,
    body: { ...aDecision(action, 'SC-1', RATIONALE), statement },
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return { caseId, decisionId: (await response.json()).id as string };
}

/** More decisions like `like`, written straight to the tables (for batch sizes). */
async function copiesOf(like: string, count: number): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    with made as (
      insert into decision (case_id, action, policy_code, rationale, decided_by, requires_confirmation)
      select case_id, action, policy_code, rationale, decided_by, false
      from decision, generate_series(1, ${count}) where id = ${like}
      returning id), in_effect as (insert into decision_effect (decision_id) select id from made)
    insert into statement_of_reasons (decision_id, ground, terms_url, category, public_reason, restriction,
      territorial_scope, automated_detection, automated_decision, source, appeal_until)
    select made.id, s.ground, s.terms_url, s.category, s.public_reason, s.restriction, s.territorial_scope,
      s.automated_detection, s.automated_decision, s.source, s.appeal_until
    from made, statement_of_reasons s where s.decision_id = ${like}
    returning decision_id as id`.execute(t.db);
  return rows.map((row) => row.id);
}

/** Every submission still pending goes out of the way, so each test sees its own. */
async function settleOthers() {
  await queueNewStatements(t.db, settings.puidPrefix);
  await t.db
    .updateTable('tdb_submission')
    .set({ status: 'accepted', accepted_at: new Date() })
    .where('status', '=', 'pending')
    .execute();
}

const submission = (decisionId: string) =>
  t.db.selectFrom('tdb_submission').selectAll().where('decision_id', '=', decisionId).executeTakeFirstOrThrow();

describe('the export', () => {
  it('passes the Database’s rules and carries no personal data', async () => {
    const { decisionId, caseId } = await decided('restrict_account', {
      ground: {
        kind: 'illegal',
        legalGround: '§ 263 StGB (fraud)',
        explanation: 'Asking the_doctor’s contacts for bank logins is fraud.',
      },
      publicReason:
        'You (@the_doctor) asked river_song for her bank login; write to me at help@example.org or +49 30 1234567.',
      endsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      territorialScope: ['EL', 'DE'],
    });
    const [source] = await loadExportSources(t.db, [{ decision_id: decisionId, puid: `docket-${decisionId}` }]);
    const { statement, redactions } = toTdbStatement(source!);

    expect(validateStatement(statement)).toEqual({});
    expect(statement).toMatchObject({
      decision_provision: 'DECISION_PROVISION_PARTIAL_SUSPENSION',
      decision_ground: 'DECISION_GROUND_ILLEGAL_CONTENT',
      illegal_content_legal_ground: '§ 263 StGB (fraud)',
      category: 'STATEMENT_CATEGORY_SCAMS_AND_FRAUD',
      territorial_scope: ['DE', 'GR'],
      content_type: ['CONTENT_TYPE_TEXT'],
      content_date: '2026-11-01',
      source_type: 'SOURCE_ARTICLE_16',
      automated_detection: 'No',
      automated_decision: 'AUTOMATED_DECISION_NOT_AUTOMATED',
      puid: `docket-${decisionId}`,
    });
    expect(statement.end_date_service_restriction).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(redactions).toBe(5);
    const sent = JSON.stringify(statement);
    for (const personal of [
      'the_doctor',
      'river_song',
      'acct-reported',
      'help@example.org',
      '1234567',
      caseId,
      RATIONALE,
    ]) {
      expect(sent).not.toContain(personal);
    }
    expect(Object.keys(statement)).not.toContain('source_identity');
  });

  it('takes a terms-ground removal with the clause as the reference', async () => {
    const { decisionId } = await decided('remove_messages', aStatement());
    const [source] = await loadExportSources(t.db, [{ decision_id: decisionId, puid: 'p-1' }]);
    const { statement } = toTdbStatement(source!);
    expect(validateStatement(statement)).toEqual({});
    expect(statement).toMatchObject({
      decision_visibility: ['DECISION_VISIBILITY_CONTENT_REMOVED'],
      decision_ground: 'DECISION_GROUND_INCOMPATIBLE_CONTENT',
      decision_ground_reference_url: 'https://platform.example/terms#scams',
      incompatible_content_ground: 'https://platform.example/terms#scams',
      incompatible_content_illegal: 'No',
    });
  });

  it('redacts whole handles only, and leaves ordinary numbers alone', () => {
    expect(redactPersonalData('ann wrote to anna on 2026-11-01 about 3 items', ['anna'])).toEqual({
      text: 'ann wrote to [redacted] on 2026-11-01 about 3 items',
      count: 1,
    });
  });
});

describe('submission', () => {
  it('sends pending statements 100 to a call and records each as accepted', async () => {
    await settleOthers();
    const { decisionId } = await decided('remove_messages', aStatement());
    const copies = await copiesOf(decisionId, 149);
    const callsBefore = server.calls.length;

    expect(await submitStatements(t.db, settings)).toBe(150);

    expect(server.calls.slice(callsBefore).map((c) => [c.statements, c.status])).toEqual([
      [100, 201],
      [50, 201],
    ]);
    const rows = await t.db.selectFrom('tdb_submission').selectAll().where('decision_id', 'in', copies).execute();
    expect(rows.every((row) => row.status === 'accepted' && row.tdb_uuid && row.attempts === 1)).toBe(true);
    const events = await t.db
      .selectFrom('audit_event')
      .select(['details', 'outcome'])
      .where('action', '=', 'transparency.statements_submitted')
      .orderBy('id', 'desc')
      .limit(2)
      .execute();
    expect(events.map((e) => [e.outcome, e.details.accepted, e.details.rejected])).toEqual([
      ['success', 50, 0],
      ['success', 100, 0],
    ]);
    // The log names statements by puid and counts them: no public reason, no statement body.
    expect(JSON.stringify(events)).not.toContain('bank login');
  });

  it('records a statement the Database refuses as rejected, with its validator’s error, and sends the rest', async () => {
    await settleOthers();
    const { decisionId } = await decided('remove_messages', aStatement());
    const [broken, fine] = (await copiesOf(decisionId, 2)) as [string, string];
    // A statement whose public reason is blank (written before the rule, or by hand): the
    // Database requires decision_facts.
    await t.db
      .updateTable('statement_of_reasons')
      .set({ public_reason: '   ' })
      .where('decision_id', '=', broken)
      .execute();

    await submitStatements(t.db, settings);

    expect(await submission(broken)).toMatchObject({
      status: 'rejected',
      // The terms ground explains itself with the public reason, so that is missing too.
      errors: {
        decision_facts: ['The decision facts field is required.'],
        incompatible_content_explanation: [
          'The incompatible content explanation field is required when decision ground is incompatible content.',
        ],
      },
      last_error: expect.stringMatching(/field is required/),
      accepted_at: null,
    });
    expect((await submission(fine)).status).toBe('accepted');
    expect((await submission(decisionId)).status).toBe('accepted');
    expect(server.stored.has(`docket-${broken}`)).toBe(false);

    const event = await t.db
      .selectFrom('audit_event')
      .select(['details', 'outcome'])
      .where('action', '=', 'transparency.statements_submitted')
      .where('outcome', '=', 'failure')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(event.details).toMatchObject({
      rejected: 1,
      rejectedPuids: [`docket-${broken}`],
      rejectedFields: ['decision_facts', 'incompatible_content_explanation'],
    });

    const { session } = await t.signedIn(['auditor']);
    const listed = await (await t.request('GET', '/api/transparency/statements?status=rejected', { session })).json();
    expect(listed.items.map((i: { decisionId: string }) => i.decisionId)).toContain(broken);
    expect(listed.counts.rejected).toBeGreaterThanOrEqual(1);
  });

  it('retries a transient failure later, and records each attempt', async () => {
    await settleOthers();
    const { decisionId } = await decided('remove_messages', aStatement());
    server.failNext(503);

    await submitStatements(t.db, settings);
    const failed = await submission(decisionId);
    expect(failed).toMatchObject({
      status: 'pending',
      attempts: 1,
      last_error: 'HTTP 503: Service unavailable, try again later.',
    });
    expect(failed.next_attempt_at.getTime()).toBeGreaterThan(Date.now() + 20_000);
    const event = await t.db
      .selectFrom('audit_event')
      .select(['details', 'outcome'])
      .where('action', '=', 'transparency.statements_failed')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({ outcome: 'failure', details: { status: 503, puids: [`docket-${decisionId}`] } });

    // Not before its time.
    await submitStatements(t.db, settings);
    expect((await submission(decisionId)).attempts).toBe(1);
    await t.db
      .updateTable('tdb_submission')
      .set({ next_attempt_at: new Date() })
      .where('decision_id', '=', decisionId)
      .execute();
    await submitStatements(t.db, settings);
    expect(await submission(decisionId)).toMatchObject({ status: 'accepted', attempts: 2, last_error: null });
  });

  it('takes a statement the Database already holds as accepted (an answer lost on the way back)', async () => {
    await settleOthers();
    const { decisionId } = await decided('remove_messages', aStatement());
    const [other] = (await copiesOf(decisionId, 1)) as [string];
    server.stored.set(`docket-${decisionId}`, { puid: `docket-${decisionId}` });

    await submitStatements(t.db, settings);

    expect(await submission(decisionId)).toMatchObject({ status: 'accepted', tdb_uuid: null });
    expect((await submission(other)).status).toBe('accepted');
  });

  it('waits for a suspension to be confirmed before sending its statement', async () => {
    const { decisionId } = await decided('suspend_account', aStatement());
    await submitStatements(t.db, settings);
    expect(
      await t.db.selectFrom('tdb_submission').select('status').where('decision_id', '=', decisionId).executeTakeFirst(),
    ).toBeUndefined();
  });
});

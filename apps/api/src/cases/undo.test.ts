import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { aDecision, casesVia, holdNewCase, spamReports } from '../testing/cases';
import { type TestSession, useTestApp } from '../testing/harness';
import { aReport } from '../testing/reports';
import { pumpUntil, useWebhookScenario } from '../webhooks/test-helpers';
import { DECISION_EFFECT_JOB, takeEffectWhenDue } from './decision-effect';

// A window long enough to undo in under load, short enough to wait out.
const WINDOW_SECONDS = 3;
const t = useTestApp({ DECISION_UNDO_SECONDS: String(WINDOW_SECONDS) });
const scenario = useWebhookScenario(t);
let platform: { keyId: string; secret: string };

beforeAll(async () => {
  platform = await t.serviceAccount();
});

const NOTE = 'Repeated unwanted messages after being asked to stop.';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function decided(session: TestSession, action: 'warn' | 'escalate' | 'suspend_account' = 'warn') {
  const caseId = await holdNewCase(t, platform, session, aReport({ category: 'harassment' }));
  const response = await t.request('POST', `/api/cases/${caseId}/decisions`, {
    session,
    body: aDecision(action, 'HR-1', NOTE),
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return { caseId, decision: await response.json() };
}

const undo = (session: TestSession, decisionIds: string[]) =>
  t.request('POST', '/api/decisions/undo', { session, body: { decisionIds } });

const job = (decisionId: string) =>
  t.db
    .selectFrom('job')
    .select(['run_at', 'payload'])
    .where('key', '=', `${DECISION_EFFECT_JOB}:${decisionId}`)
    .executeTakeFirst();

const outboxFor = (decisionId: string) =>
  t.db
    .selectFrom('outbox_event')
    .select(['type'])
    .where(sql<boolean>`payload->>'decisionId' = ${decisionId}`)
    .execute();

/** Waits out the window by the database clock. */
async function afterWindow(decision: { undoUntil: string }) {
  const wait = Date.parse(decision.undoUntil) - Date.now();
  if (wait > 0) await sleep(wait + 100);
  await expect
    .poll(
      async () =>
        (await sql<{ past: boolean }>`select now() >= ${decision.undoUntil}::timestamptz as past`.execute(t.db)).rows[0]
          ?.past,
    )
    .toBe(true);
}

describe('the undo window', () => {
  it('tells the platform nothing until the window ends, then everything once', async () => {
    const { receiver } = await scenario.endpoint(['decision.effective', 'case.closed']);
    const reviewer = await t.signedIn(['reviewer']);
    const { decision } = await decided(reviewer.session);
    expect(decision.tookEffectAt).toBeNull();
    expect(Date.parse(decision.undoUntil) - Date.parse(decision.decidedAt)).toBeCloseTo(WINDOW_SECONDS * 1000, -2);

    // The effect is a job committed with the decision, due when the window ends.
    expect((await job(decision.id))?.run_at.toISOString()).toBe(decision.undoUntil);
    expect(await outboxFor(decision.id)).toEqual([]);
    // Run early, the database refuses it: nothing leaves before the window ends.
    await expect(takeEffectWhenDue(t.db, { decisionId: decision.id })).rejects.toThrow(/undo window/);

    await afterWindow(decision);
    await takeEffectWhenDue(t.db, { decisionId: decision.id });
    // A second run (the runner is at-least-once; a process died after committing) sends nothing more.
    await takeEffectWhenDue(t.db, { decisionId: decision.id });
    expect((await outboxFor(decision.id)).map((e) => e.type)).toEqual(['decision.effective', 'case.closed']);
    await pumpUntil(scenario.pump(), () => receiver.received.length === 2);
    const effective = await t.auditEvents('decision.effective');
    expect(effective.filter((e) => e.target_id === decision.id)).toHaveLength(1);
  });

  it('undoes a decision inside the window: the case is the decider’s again, the undo is audited, nothing is sent', async () => {
    const { receiver } = await scenario.endpoint(['decision.effective', 'case.closed']);
    const reviewer = await t.signedIn(['reviewer']);
    const { caseId, decision } = await decided(reviewer.session);

    const response = await undo(reviewer.session, [decision.id]);
    expect(response.status, await response.clone().text()).toBe(200);
    expect(await response.json()).toEqual({ undone: [{ decisionId: decision.id, caseId }] });
    const row = await t.db
      .selectFrom('case')
      .select(['status', 'assignee_id', 'decided_at', sql<boolean>`lease_expires_at > now()`.as('live')])
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'open', assignee_id: reviewer.id, decided_at: null, live: true });
    const [event] = (await t.auditEvents('decision.undone')).filter((e) => e.target_id === decision.id);
    expect(event).toMatchObject({
      case_id: caseId,
      actor_id: reviewer.id,
      details: { action: 'warn', policyCode: 'HR-1' },
    });

    // The job still runs when the window ends, and finds nothing to do.
    await afterWindow(decision);
    await takeEffectWhenDue(t.db, { decisionId: decision.id });
    expect(await outboxFor(decision.id)).toEqual([]);
    await scenario.pump()();
    expect(receiver.received).toEqual([]);

    // The case reads as undone, and can be decided again.
    const opened = await (await t.request('GET', `/api/cases/${caseId}`, { session: reviewer.session })).json();
    expect(opened.decisions[0]).toMatchObject({ id: decision.id, undoneAt: expect.any(String), tookEffectAt: null });
    const again = await t.request('POST', `/api/cases/${caseId}/decisions`, {
      session: reviewer.session,
      body: aDecision('no_violation', 'NV-1', NOTE),
    });
    expect(again.status).toBe(201);
  });

  it('refuses an undo once the window has closed, by the database clock', async () => {
    const reviewer = await t.signedIn(['reviewer']);
    const { decision } = await decided(reviewer.session);
    await afterWindow(decision);
    const response = await undo(reviewer.session, [decision.id]);
    expect(response.status).toBe(409);
    expect((await response.json()).errors).toEqual([
      { field: 'decisionIds[0]', message: 'the undo window has closed: it took effect' },
    ]);
    expect((await t.auditEvents('decision.undone')).filter((e) => e.target_id === decision.id)).toEqual([]);
  });

  it('refuses, in the database, an undo after the window or by anyone but the decider', async () => {
    const reviewer = await t.signedIn(['reviewer']);
    const other = await t.staff(['reviewer']);
    const { decision } = await decided(reviewer.session);
    const insert = (undoneBy: string) =>
      t.db.insertInto('decision_undo').values({ decision_id: decision.id, undone_by: undoneBy }).execute();
    await expect(insert(other.id)).rejects.toThrow(/only the decider/);
    await afterWindow(decision);
    await expect(insert(reviewer.id)).rejects.toThrow(/undo window .* has closed/);
  });

  it('lets nobody but the decider undo, and says nothing of others’ decisions', async () => {
    const reviewer = await t.signedIn(['reviewer']);
    const supervisor = await t.signedIn(['supervisor', 'reviewer']);
    const { decision } = await decided(reviewer.session);
    const response = await undo(supervisor.session, [decision.id]);
    expect(response.status).toBe(404);
    expect((await undo(reviewer.session, [decision.id])).status).toBe(200);
    expect((await undo(reviewer.session, [decision.id])).status).toBe(409);
  });

  it('undoes an escalation back into the queue it came from', async () => {
    const reviewer = await t.signedIn(['reviewer']);
    const { caseId, decision } = await decided(reviewer.session, 'escalate');
    const before = await t.db
      .selectFrom('decision')
      .select('queue_id')
      .where('id', '=', decision.id)
      .executeTakeFirstOrThrow();
    expect((await undo(reviewer.session, [decision.id])).status).toBe(200);
    const row = await t.db
      .selectFrom('case')
      .select(['queue_id', 'assignee_id'])
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ queue_id: before.queue_id, assignee_id: reviewer.id });
  });

  it('keeps a suspension from its supervisors once undone', async () => {
    const reviewer = await t.signedIn(['reviewer']);
    const supervisor = await t.signedIn(['supervisor', 'reviewer']);
    const { decision } = await decided(reviewer.session, 'suspend_account');
    expect((await undo(reviewer.session, [decision.id])).status).toBe(200);
    const pending = await (
      await t.request('GET', '/api/decisions/pending?limit=100', { session: supervisor.session })
    ).json();
    expect(pending.items.map((d: { id: string }) => d.id)).not.toContain(decision.id);
    const confirm = await t.request('POST', `/api/decisions/${decision.id}/confirm`, {
      session: supervisor.session,
      body: {},
    });
    expect(confirm.status).toBe(409);
  });

  it('undoes a whole bulk decision, or none of it', async () => {
    const reviewer = await t.signedIn(['reviewer']);
    const caseIds = await casesVia(t, platform, spamReports(3));
    const bulk = await t.request('POST', '/api/cases/bulk-decisions', {
      session: reviewer.session,
      body: { caseIds, ...aDecision('remove_messages', 'SP-1', NOTE) },
    });
    expect(bulk.status, await bulk.clone().text()).toBe(201);
    const { decisions, undoUntil } = await bulk.json();
    const ids = decisions.map((d: { decisionId: string }) => d.decisionId);
    expect(Date.parse(undoUntil)).toBeGreaterThan(Date.now() - 1000);

    const mixed = await undo(reviewer.session, [...ids, crypto.randomUUID()]);
    expect(mixed.status).toBe(404);
    expect(
      await t.db.selectFrom('decision_undo').select('decision_id').where('decision_id', 'in', ids).execute(),
    ).toEqual([]);

    const response = await undo(reviewer.session, ids);
    expect(response.status).toBe(200);
    expect((await t.auditEvents('decision.undone')).filter((e) => ids.includes(e.target_id))).toHaveLength(3);
    const cases = await t.db.selectFrom('case').select(['status', 'assignee_id']).where('id', 'in', caseIds).execute();
    expect(cases).toEqual(caseIds.map(() => ({ status: 'open', assignee_id: reviewer.id })));
  });
});

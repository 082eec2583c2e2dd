import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { casesVia, claimNextVia, emptyQueue as emptyQueueOf, spamReports } from '../testing/cases';
import { type TestSession, useTestApp } from '../testing/harness';
import { aReport } from '../testing/reports';

const t = useTestApp();
let platform: { keyId: string; secret: string };

beforeAll(async () => {
  platform = await t.serviceAccount();
});

const claim = (session: TestSession, queueId: string, body: object = {}) => claimNextVia(t, session, queueId, body);

const emptyQueue = (queueId: string) => emptyQueueOf(t, queueId);

describe('claiming', () => {
  it('hands each case to at most one of 50 concurrent claimers, and loses none', async () => {
    await emptyQueue('scams_spam');
    const caseIds = await casesVia(t, platform, spamReports(40));
    const reviewers = await Promise.all(Array.from({ length: 50 }, () => t.signedIn(['reviewer'])));
    const responses = await Promise.all(reviewers.map(({ session }) => claim(session, 'scams_spam')));
    expect(responses.map((r) => r.status)).toEqual(Array(50).fill(200));
    const claimed = (await Promise.all(responses.map((r) => r.json()))).map((body) => body.case?.id ?? null);
    const handedOut = claimed.filter((id): id is string => id !== null);
    expect(handedOut).toHaveLength(40);
    expect(new Set(handedOut).size).toBe(40);
    expect(new Set(handedOut)).toEqual(new Set(caseIds));
    const holders = await t.db.selectFrom('case').select(['id', 'assignee_id']).where('id', 'in', caseIds).execute();
    expect(new Set(holders.map((h) => h.assignee_id)).size).toBe(40);
  });

  it('gives the same case back to a reviewer who already holds one in the queue', async () => {
    await emptyQueue('scams_spam');
    await casesVia(t, platform, spamReports(2));
    const { session } = await t.signedIn(['reviewer']);
    const first = (await (await claim(session, 'scams_spam')).json()).case;
    const again = (await (await claim(session, 'scams_spam')).json()).case;
    expect(again.id).toBe(first.id);
  });

  it('returns a case to the queue when its lease expires, and refuses the stale holder', async () => {
    await emptyQueue('scams_spam');
    const [caseId] = await casesVia(t, platform, spamReports(1));
    const first = await t.signedIn(['reviewer']);
    const second = await t.signedIn(['reviewer']);
    expect((await (await claim(first.session, 'scams_spam')).json()).case.id).toBe(caseId);
    expect((await (await claim(second.session, 'scams_spam')).json()).case).toBeNull();

    await t.db
      .updateTable('case')
      .set({ lease_expires_at: sql`now() - interval '1 second'` })
      .where('id', '=', caseId as string)
      .execute();
    expect((await (await claim(second.session, 'scams_spam')).json()).case.id).toBe(caseId);

    const stale = await t.request('POST', `/api/cases/${caseId}/decisions`, {
      session: first.session,
      body: { action: 'warn', policyCode: 'SP-1', rationale: 'Repeated unsolicited promotions.' },
    });
    expect(stale.status).toBe(409);
    expect((await t.request('GET', `/api/cases/${caseId}`, { session: first.session })).status).toBe(409);
  });

  it('skips: releases the case and hands over a different one', async () => {
    await emptyQueue('scams_spam');
    await casesVia(t, platform, spamReports(2));
    const { session } = await t.signedIn(['reviewer']);
    const first = (await (await claim(session, 'scams_spam')).json()).case;
    const next = (await (await claim(session, 'scams_spam', { skip: first.id })).json()).case;
    expect(next.id).not.toBe(first.id);
    const released = await t.db
      .selectFrom('case')
      .select('assignee_id')
      .where('id', '=', first.id)
      .executeTakeFirstOrThrow();
    expect(released.assignee_id).toBeNull();
  });

  it('orders by urgency, then minors, then age', async () => {
    await emptyQueue('urgent');
    const ids = [];
    for (const report of [
      aReport({ category: 'self_harm' }), // urgent, oldest
      aReport({ category: 'violent_threat' }), // urgent, newer
      aReport({ category: 'grooming', minor: true }), // urgent + minor: first despite being newest
    ]) {
      ids.push(...(await casesVia(t, platform, [report])));
    }
    const { session } = await t.signedIn(['reviewer']);
    const order = [];
    for (let i = 0; i < 3; i++) {
      const claimed = (await (await claim(session, 'urgent')).json()).case;
      order.push(claimed.id);
      await t.request('POST', `/api/cases/${claimed.id}/release`, { session });
      await t.db.updateTable('case').set({ status: 'decided' }).where('id', '=', claimed.id).execute();
    }
    expect(order).toEqual([ids[2], ids[0], ids[1]]);
  });

  it('lets a supervisor see who holds what and reassign or release it', async () => {
    await emptyQueue('scams_spam');
    const [caseId] = await casesVia(t, platform, spamReports(1));
    const holder = await t.signedIn(['reviewer']);
    const other = await t.signedIn(['reviewer']);
    const supervisor = await t.signedIn(['reviewer', 'supervisor']);
    await claim(holder.session, 'scams_spam');

    const held = await (
      await t.request('GET', '/api/cases?held=true&queueId=scams_spam', { session: supervisor.session })
    ).json();
    expect(held.items).toContainEqual(
      expect.objectContaining({ id: caseId, assignee: expect.objectContaining({ id: holder.id }) }),
    );

    const auditor = await t.staff(['auditor']);
    const assignees = await (
      await t.request('GET', `/api/cases/${caseId}/assignees`, { session: supervisor.session })
    ).json();
    const ids = assignees.items.map((person: { id: string }) => person.id);
    expect(ids).toContain(other.id);
    expect(ids).not.toContain(holder.id); // already holds it
    expect(ids).not.toContain(auditor.id); // cannot work a reviewers' queue
    expect((await t.request('GET', `/api/cases/${caseId}/assignees`, { session: holder.session })).status).toBe(403);

    const reassigned = await t.request('POST', `/api/cases/${caseId}/reassign`, {
      session: supervisor.session,
      body: { assigneeId: other.id },
    });
    expect((await reassigned.json()).assignee.id).toBe(other.id);
    expect((await t.request('GET', `/api/cases/${caseId}`, { session: holder.session })).status).toBe(409);
    expect((await t.request('GET', `/api/cases/${caseId}`, { session: other.session })).status).toBe(200);

    expect(
      (await (await t.request('POST', `/api/cases/${caseId}/unassign`, { session: supervisor.session })).json())
        .assignee,
    ).toBeNull();
    expect((await t.auditEvents('case.reassigned')).at(-1)).toMatchObject({ case_id: caseId, actor_id: supervisor.id });
  });

  it('keeps reviewers out of the supervisors’ escalation queue', async () => {
    const { session } = await t.signedIn(['reviewer']);
    expect((await claim(session, 'escalations')).status).toBe(403);
    expect((await claim(session, 'no_such_queue')).status).toBe(404);
  });

  it('renews a lease only for its holder', async () => {
    await emptyQueue('scams_spam');
    const [caseId] = await casesVia(t, platform, spamReports(1));
    const holder = await t.signedIn(['reviewer']);
    const other = await t.signedIn(['reviewer']);
    await claim(holder.session, 'scams_spam');
    await t.db
      .updateTable('case')
      .set({ lease_expires_at: sql`now() + interval '1 minute'` })
      .where('id', '=', caseId as string)
      .execute();
    const renewed = await (await t.request('POST', `/api/cases/${caseId}/lease`, { session: holder.session })).json();
    expect(Date.parse(renewed.leaseExpiresAt) - Date.now()).toBeGreaterThan(9 * 60 * 1000);
    expect((await t.request('POST', `/api/cases/${caseId}/lease`, { session: other.session })).status).toBe(409);
  });
});

describe('the audit trail of claims', () => {
  it('records each claim with its case, and an empty queue as a failed claim', async () => {
    await emptyQueue('scams_spam');
    const [caseId] = await casesVia(t, platform, spamReports(1));
    const { session, id } = await t.signedIn(['reviewer']);
    await claim(session, 'scams_spam');
    expect((await t.auditEvents('case.claimed')).at(-1)).toMatchObject({
      actor_id: id,
      outcome: 'success',
      target_type: 'case',
      target_id: caseId,
      case_id: caseId,
      details: { queueId: 'scams_spam' },
    });
    const other = await t.signedIn(['reviewer']);
    expect((await (await claim(other.session, 'scams_spam')).json()).case).toBeNull();
    expect((await t.auditEvents('case.claimed')).at(-1)).toMatchObject({
      actor_id: other.id,
      outcome: 'failure',
      case_id: null,
      details: { queueId: 'scams_spam', reason: 'queue_empty' },
    });
  });

  it('leaves no trace of a refused claim', async () => {
    const [escalated] = await casesVia(t, platform, spamReports(1));
    await t.db
      .updateTable('case')
      .set({ queue_id: 'escalations' })
      .where('id', '=', escalated as string)
      .execute();
    const { session, id } = await t.signedIn(['reviewer']);
    const before = (await t.auditEvents('case.claimed')).length;
    expect((await claim(session, 'escalations')).status).toBe(403);
    expect((await t.auditEvents('case.claimed')).length).toBe(before);
    expect(await t.db.selectFrom('case').select('id').where('assignee_id', '=', id).execute()).toEqual([]);
  });
});

it('pages the case list without repeating or skipping a case, even when cases share a timestamp', async () => {
  await emptyQueue('scams_spam');
  const caseIds = await casesVia(t, platform, spamReports(5)); // one batch: one opened_at for all
  const supervisor = await t.signedIn(['supervisor']);
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const query: string = `queueId=scams_spam&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
    const page = await (await t.request('GET', `/api/cases?${query}`, { session: supervisor.session })).json();
    seen.push(...page.items.map((c: { id: string }) => c.id));
    cursor = page.nextCursor;
  } while (cursor);
  expect(seen).toHaveLength(5);
  expect(new Set(seen)).toEqual(new Set(caseIds));
});

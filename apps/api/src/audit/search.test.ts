import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { JUSTIFICATION, requestAccess } from '../testing/access';
import { holdNewCase } from '../testing/cases';
import { type TestSession, useTestApp } from '../testing/harness';
import { expectInvalidFields } from '../testing/problems';
import { aReport } from '../testing/reports';

const t = useTestApp();
let platform: { keyId: string; secret: string };
let auditor: TestSession;

beforeAll(async () => {
  platform = await t.serviceAccount();
  auditor = (await t.signedIn(['auditor'])).session;
});

const search = (query: string) => t.request('GET', `/api/audit/events?${query}`, { session: auditor });

/** A reviewer reads a case under an approved grant, then decides it: the whole trail an auditor follows. */
async function grantFollowedByDecision() {
  const reviewer = await t.signedIn(['reviewer']);
  const report = aReport();
  const caseId = await holdNewCase(t, platform, reviewer.session, report);
  const filed = await requestAccess(t, reviewer.session, caseId);
  const requestId = (await filed.json()).id;
  const supervisor = await t.signedIn(['reviewer', 'supervisor']);
  const approved = await t.request('POST', `/api/access/requests/${requestId}/approve`, {
    session: supervisor.session,
    body: { durationMinutes: 20 },
  });
  const grantId = (await approved.json()).grantId as string;
  await t.request('GET', `/api/cases/${caseId}/conversation`, { session: reviewer.session });
  await t.request('GET', `/api/cases/${caseId}/conversation?ids=m1`, { session: reviewer.session });
  const decided = await t.request('POST', `/api/cases/${caseId}/decisions`, {
    session: reviewer.session,
    body: { action: 'warn', policyCode: 'HR-1', rationale: 'Repeated unwanted contact after a clear request.' },
  });
  return { reviewer, supervisor, caseId, requestId, grantId, report, decisionId: (await decided.json()).id };
}

describe('searching the audit log', () => {
  it('filters by actor (id or username), action, outcome, case and grant', async () => {
    const { reviewer, caseId, grantId } = await grantFollowedByDecision();

    const byName = await (await search(`actor=${reviewer.username}`)).json();
    expect(byName.items.length).toBeGreaterThan(3);
    expect(byName.items.every((e: { actor: { id: string } }) => e.actor.id === reviewer.id)).toBe(true);
    const byId = await (await search(`actor=${reviewer.id}`)).json();
    expect(byId.items.map((e: { id: string }) => e.id)).toEqual(byName.items.map((e: { id: string }) => e.id));

    const reads = await (await search(`caseId=${caseId}&action=conversation.read`)).json();
    expect(reads.items).toHaveLength(2);
    expect(reads.items[0]).toMatchObject({ grantId, caseId, outcome: 'success', details: { messageIds: ['m1'] } });

    const several = await (await search(`grantId=${grantId}&action=access.approved,decision.recorded`)).json();
    expect(several.items.map((e: { action: string }) => e.action)).toEqual(['decision.recorded', 'access.approved']);

    // Decided, the case is open to read; releasing it is refused.
    await t.request('POST', `/api/cases/${caseId}/release`, { session: (await t.signedIn(['reviewer'])).session });
    const denied = await (await search(`caseId=${caseId}&outcome=denied`)).json();
    expect(denied.items.map((e: { action: string }) => e.action)).toEqual(['request.refused']);
  });

  it('filters by time and by target, newest first', async () => {
    const { requestId } = await grantFollowedByDecision();
    const byTarget = await (await search(`targetType=access_request&targetId=${requestId}`)).json();
    expect(byTarget.items.map((e: { action: string }) => e.action)).toEqual(['access.approved', 'access.requested']);

    const future = new Date(Date.now() + 60_000).toISOString();
    expect((await (await search(`from=${encodeURIComponent(future)}`)).json()).items).toEqual([]);
    const past = new Date(Date.now() - 60_000).toISOString();
    const recent = await (await search(`from=${encodeURIComponent(past)}&limit=5`)).json();
    expect(recent.items).toHaveLength(5);
    const ids = recent.items.map((e: { id: string }) => BigInt(e.id));
    expect([...ids].sort((a, b) => (a < b ? 1 : -1))).toEqual(ids);
  });

  it('pages through every event exactly once, even when many share a timestamp', async () => {
    // One transaction, one now(): forty events a page boundary could split.
    await t.db.transaction().execute(async (trx) => {
      await sql`insert into audit_event (occurred_at, actor_type, actor_label, action, outcome)
        select now(), 'system', 'paging-test', 'keys.rotated', 'success' from generate_series(1, 40)`.execute(trx);
    });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = await (
        await search(`actor=paging-test&limit=7${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(40);
    expect(new Set(seen).size).toBe(40);
  });

  it('refuses malformed filters with a 400 naming the field', async () => {
    await expectInvalidFields(
      [
        ['cursor=abc', 'cursor'],
        ['action=DROP%20TABLE', 'action'],
        ['caseId=not-a-uuid', 'caseId'],
        ['from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z', 'to'],
        ['limit=5000', 'limit'],
      ] as const,
      (query) => search(query),
    );
  });

  it('shows events as pending seal until the sealer gives them their place in the chain', async () => {
    await grantFollowedByDecision();
    const before = (await (await search('limit=3')).json()).items;
    expect(before.map((e: { seq: number | null }) => e.seq)).toEqual([null, null, null]);
    await t.seal();
    const after = (await (await search('limit=3')).json()).items;
    const seqs = after.map((e: { seq: number }) => e.seq);
    expect(seqs.every((seq: unknown) => typeof seq === 'number' && seq > 0)).toBe(true);
    expect(new Set(seqs).size).toBe(3);
  });

  it('answers 404 for an event that does not exist, and shows one that does', async () => {
    expect((await t.request('GET', '/api/audit/events/999999999', { session: auditor })).status).toBe(404);
    const [latest] = (await (await search('limit=1')).json()).items;
    const one = await t.request('GET', `/api/audit/events/${latest.id}`, { session: auditor });
    expect(await one.json()).toEqual(latest);
  });
});

describe('tracing a grant and reviewing access', () => {
  it('follows a grant from request through approval and every read to the decision, without content', async () => {
    const { grantId, requestId, caseId, report, reviewer, supervisor, decisionId } = await grantFollowedByDecision();
    const response = await t.request('GET', `/api/audit/grants/${grantId}/trace`, { session: auditor });
    expect(response.status).toBe(200);
    const trace = await response.json();
    expect(trace.events.map((e: { action: string }) => e.action)).toEqual([
      'access.requested',
      'access.approved',
      'conversation.read',
      'conversation.read',
      'decision.recorded',
      'access.ended',
    ]);
    expect(trace.events[2].details.messageIds).toEqual(['m1', 'm2', 'm3']);
    expect(trace.grant).toMatchObject({
      grantId,
      caseId,
      grantee: { id: reviewer.id },
      approver: { id: supervisor.id },
      justificationCode: 'USER_REPORT',
      justification: JUSTIFICATION,
      requestedMinutes: 30,
      breakGlass: false,
      // Deciding let go of the case, and the grant with it (ADR 018).
      status: 'ended',
      endReason: 'decided',
      reads: 2,
      messagesRead: 3,
      decisions: [{ id: decisionId, action: 'warn', policyCode: 'HR-1', by: { id: reviewer.id } }],
    });
    const text = JSON.stringify(trace);
    for (const message of report.messages) expect(text).not.toContain(message.body);
    expect(text).not.toContain(report.reporterText);
    expect(trace.events[0].target).toEqual({ type: 'access_request', id: requestId });
  });

  it('lists every grant of a period, break-glass uses with their review, newest first', async () => {
    const since = new Date().toISOString();
    const { grantId } = await grantFollowedByDecision();
    const reviewer = await t.signedIn(['reviewer']);
    const caseId = await holdNewCase(t, platform, reviewer.session, aReport({ category: 'violent_threat' }));
    const glass = await (
      await t.request('POST', `/api/cases/${caseId}/break-glass`, {
        session: reviewer.session,
        body: { justification: JUSTIFICATION, durationMinutes: 5 },
      })
    ).json();
    const supervisor = await t.signedIn(['reviewer', 'supervisor']);
    await t.request('POST', `/api/access/break-glass/${glass.id}/review`, {
      session: supervisor.session,
      body: { outcome: 'unjustified', note: 'The reported messages were enough.' },
    });

    const until = new Date(Date.now() + 1000).toISOString();
    const review = await (
      await t.request('GET', `/api/audit/access-review?from=${since}&to=${until}`, { session: auditor })
    ).json();
    expect(review.items.map((g: { grantId: string }) => g.grantId)).toEqual([glass.id, grantId]);
    expect(review.items[0]).toMatchObject({
      breakGlass: true,
      approver: null,
      justificationCode: null,
      justification: JUSTIFICATION,
      breakGlassReview: {
        outcome: 'unjustified',
        by: { id: supervisor.id },
        note: 'The reported messages were enough.',
      },
      reads: 0,
    });

    const onlyGlass = await (
      await t.request('GET', `/api/audit/access-review?from=${since}&to=${until}&breakGlass=true&limit=1`, {
        session: auditor,
      })
    ).json();
    expect(onlyGlass.items.map((g: { grantId: string }) => g.grantId)).toEqual([glass.id]);
  });

  it('pages access reviews and refuses a forged cursor', async () => {
    const since = new Date().toISOString();
    const first = await grantFollowedByDecision();
    const second = await grantFollowedByDecision();
    const until = new Date(Date.now() + 1000).toISOString();
    const base = `/api/audit/access-review?from=${since}&to=${until}&limit=1`;
    const page1 = await (await t.request('GET', base, { session: auditor })).json();
    const page2 = await (await t.request('GET', `${base}&cursor=${page1.nextCursor}`, { session: auditor })).json();
    expect([...page1.items, ...page2.items].map((g: { grantId: string }) => g.grantId)).toEqual([
      second.grantId,
      first.grantId,
    ]);
    const forged = await t.request('GET', `${base}&cursor=bm90LWEtY3Vyc29y`, { session: auditor });
    expect(forged.status).toBe(400);
  });

  it('answers 404 for a grant that does not exist', async () => {
    const response = await t.request('GET', '/api/audit/grants/00000000-0000-4000-8000-000000000000/trace', {
      session: auditor,
    });
    expect(response.status).toBe(404);
  });
});

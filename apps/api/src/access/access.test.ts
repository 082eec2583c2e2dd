import { sql } from 'kysely';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { actionContext, systemActor } from '../actions/context';
import type { AppError } from '../http/problem';
import { type TestSession, useTestApp } from '../testing/harness';
import { approveAccessRequest, cancelAccessRequest } from './requests';
import {
  approvedGrant,
  breakGlassAs,
  eventsOf,
  fileRequest as fileRequestOf,
  heldCase as heldCaseOf,
  JUSTIFICATION,
  pendingRequest,
  sweepDeadlines,
} from './test-helpers';

const t = useTestApp();
let platform: { keyId: string; secret: string };

beforeAll(async () => {
  platform = await t.serviceAccount();
});

const heldCase = (session: TestSession, category?: 'harassment' | 'violent_threat') =>
  heldCaseOf(t, platform, session, category);
const fileRequest = (session: TestSession, caseId: string, overrides: object = {}) =>
  fileRequestOf(t, session, caseId, overrides);

const read = (session: TestSession, caseId: string, ids?: string) =>
  t.request('GET', `/api/cases/${caseId}/conversation${ids ? `?ids=${ids}` : ''}`, { session });

describe('requests and approvals', () => {
  it('grants nothing until a different supervisor approves; then reads only the scope', async () => {
    const reviewer = await t.signedIn(['reviewer']);
    const caseId = await heldCase(reviewer.session);
    expect((await read(reviewer.session, caseId)).status).toBe(403);

    const request = await (await fileRequest(reviewer.session, caseId)).json();
    expect(request.status).toBe('pending');
    expect((await read(reviewer.session, caseId)).status).toBe(403);

    const supervisor = await t.signedIn(['reviewer', 'supervisor']);
    const approved = await t.request('POST', `/api/access/requests/${request.id}/approve`, {
      session: supervisor.session,
      body: {},
    });
    expect(approved.status).toBe(200);
    const grantId = (await approved.json()).grantId;

    const response = await read(reviewer.session, caseId);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = await response.json();
    expect(body.messages.map((m: { id: string }) => m.id)).toEqual(['m3', 'm4', 'm5']); // m4 ± 1
    expect(body.messages.find((m: { id: string }) => m.id === 'm4').reported).toBe(true);

    // Asking for a message outside the scope by id returns nothing more.
    const outside = await (await read(reviewer.session, caseId, 'm1,m7,m4')).json();
    expect(outside.messages.map((m: { id: string }) => m.id)).toEqual(['m4']);

    const [event] = (await t.auditEvents('conversation.read')).slice(-1);
    expect(event).toMatchObject({ grant_id: grantId, case_id: caseId, details: { messageIds: ['m4'] } });
    expect(JSON.stringify(event)).not.toContain('Message number');
  });

  it('refuses self-approval, even for someone who is reviewer and supervisor', async () => {
    const both = await t.signedIn(['reviewer', 'supervisor']);
    const caseId = await heldCase(both.session);
    const request = await (await fileRequest(both.session, caseId)).json();
    const self = await t.request('POST', `/api/access/requests/${request.id}/approve`, {
      session: both.session,
      body: {},
    });
    expect(self.status).toBe(403);
    expect((await read(both.session, caseId)).status).toBe(403);
    expect((await (await read(both.session, caseId)).json()).code).toBe('access_required');
  });

  it('refuses to approve a cancelled, decided or expired request with 409, and a denial without a reason with 400', async () => {
    const reviewer = await t.signedIn(['reviewer']);
    const supervisor = await t.signedIn(['supervisor']);
    const caseId = await heldCase(reviewer.session);
    const first = await (await fileRequest(reviewer.session, caseId)).json();
    expect(
      (await t.request('POST', `/api/access/requests/${first.id}/deny`, { session: supervisor.session, body: {} }))
        .status,
    ).toBe(400);
    expect(
      (await t.request('POST', `/api/access/requests/${first.id}/cancel`, { session: reviewer.session })).status,
    ).toBe(200);
    expect(
      (await t.request('POST', `/api/access/requests/${first.id}/approve`, { session: supervisor.session, body: {} }))
        .status,
    ).toBe(409);

    const second = await (await fileRequest(reviewer.session, caseId)).json();
    const denied = await t.request('POST', `/api/access/requests/${second.id}/deny`, {
      session: supervisor.session,
      body: { reason: 'The reported messages are enough to decide.' },
    });
    expect((await denied.json()).status).toBe('denied');
    expect(
      (await t.request('POST', `/api/access/requests/${second.id}/approve`, { session: supervisor.session, body: {} }))
        .status,
    ).toBe(409);

    const third = await (await fileRequest(reviewer.session, caseId)).json();
    await t.db
      .updateTable('access_request')
      .set({ pending_until: sql`now() - interval '1 second'` })
      .where('id', '=', third.id)
      .execute();
    expect(
      (await t.request('POST', `/api/access/requests/${third.id}/approve`, { session: supervisor.session, body: {} }))
        .status,
    ).toBe(409);
    // The deadline expired it, not the supervisor who tried: the sweep records a system event without a request id.
    expect((await t.auditEvents('access.expired')).filter((e) => e.target_id === third.id)).toEqual([]);
    await sweepDeadlines(t.db);
    const expiries = (await t.auditEvents('access.expired')).filter((e) => e.target_id === third.id);
    expect(expiries).toHaveLength(1);
    expect(expiries[0]).toMatchObject({ actor_type: 'system', actor_id: null, request_id: null, case_id: caseId });
    expect((await read(reviewer.session, caseId)).status).toBe(403);
    // Sweeping again writes nothing more.
    await sweepDeadlines(t.db);
    expect((await t.auditEvents('access.expired')).filter((e) => e.target_id === third.id)).toHaveLength(1);
  });

  it("shows the caller their own newest request and live grant on a case, and nobody else's", async () => {
    const reviewer = await t.signedIn(['reviewer']);
    const supervisor = await t.signedIn(['supervisor']);
    const caseId = await heldCase(reviewer.session);
    const access = async (session: TestSession, id = caseId) =>
      t.request('GET', `/api/cases/${id}/access`, { session });

    const before = await (await access(reviewer.session)).json();
    expect(before).toMatchObject({ request: null, grant: null });
    expect(Math.abs(Date.parse(before.now) - Date.now())).toBeLessThan(60_000);

    const filed = await (await fileRequest(reviewer.session, caseId)).json();
    expect((await (await access(reviewer.session)).json()).request).toMatchObject({ id: filed.id, status: 'pending' });
    expect(await (await access(supervisor.session)).json()).toMatchObject({ request: null, grant: null });

    await t.request('POST', `/api/access/requests/${filed.id}/approve`, { session: supervisor.session, body: {} });
    const after = await (await access(reviewer.session)).json();
    expect(after.request).toMatchObject({ id: filed.id, status: 'approved' });
    expect(after.grant).toMatchObject({ id: after.request.grantId, caseId, breakGlass: false });
    expect(after.grant.grantee).toMatchObject({ id: reviewer.id, displayName: `Test ${reviewer.username}` });

    await t.request('POST', `/api/access/grants/${after.grant.id}/revoke`, { session: supervisor.session });
    expect((await (await access(reviewer.session)).json()).grant).toBeNull();
    expect((await access(reviewer.session, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('lists each pending request with its case summary and the requester’s 30-day history', async () => {
    const reviewer = await t.signedIn(['reviewer']);
    const supervisor = await t.signedIn(['supervisor']);
    const caseId = await heldCase(reviewer.session);
    const first = await (await fileRequest(reviewer.session, caseId)).json();
    await t.request('POST', `/api/access/requests/${first.id}/deny`, {
      session: supervisor.session,
      body: { reason: 'The reported messages are enough to decide.' },
    });
    const second = await (await fileRequest(reviewer.session, caseId)).json();
    const { items } = await (await t.request('GET', '/api/access/requests', { session: supervisor.session })).json();
    const item = items.find((each: { id: string }) => each.id === second.id);
    expect(item.case).toMatchObject({ id: caseId, category: 'harassment', urgent: false, reportCount: 1 });
    expect(item.case.queueId).toEqual(expect.any(String));
    expect(item.case.priority).toEqual(expect.any(Number));
    expect(item.requesterHistory).toEqual({ made: 2, approved: 0, denied: 1 });
    expect(items.map((each: { id: string }) => each.id)).not.toContain(first.id);
  });

  it('allows one open request per reviewer per case, and a real justification only', async () => {
    const reviewer = await t.signedIn(['reviewer']);
    const caseId = await heldCase(reviewer.session);
    expect((await fileRequest(reviewer.session, caseId, { justification: 'need it' })).status).toBe(400);
    expect((await fileRequest(reviewer.session, caseId)).status).toBe(201);
    expect((await fileRequest(reviewer.session, caseId)).status).toBe(409);
  });

  it('lets a supervisor shorten and narrow, never widen', async () => {
    const reviewer = await t.signedIn(['reviewer']);
    const supervisor = await t.signedIn(['supervisor']);
    const caseId = await heldCase(reviewer.session);
    const request = await (
      await fileRequest(reviewer.session, caseId, { scope: { kind: 'reported_context', context: 2 } })
    ).json();
    const wider = await t.request('POST', `/api/access/requests/${request.id}/approve`, {
      session: supervisor.session,
      body: { scope: { kind: 'full_conversation' } },
    });
    expect(wider.status).toBe(400);
    const longer = await t.request('POST', `/api/access/requests/${request.id}/approve`, {
      session: supervisor.session,
      body: { durationMinutes: 60 },
    });
    expect(longer.status).toBe(400);
    const narrowed = await t.request('POST', `/api/access/requests/${request.id}/approve`, {
      session: supervisor.session,
      body: { durationMinutes: 15, scope: { kind: 'reported_context', context: 0 } },
    });
    expect(narrowed.status).toBe(200);
    const body = await (await read(reviewer.session, caseId)).json();
    expect(body.messages.map((m: { id: string }) => m.id)).toEqual(['m4']);
    expect(Date.parse(body.expiresAt) - Date.now()).toBeLessThan(15 * 60 * 1000 + 5000);
  });
});

describe('who may settle a request', () => {
  it('refuses an approval that widens a reported_context request (±1 approved as ±3)', async () => {
    const { reviewer, supervisor, caseId, request } = await pendingRequest(t, platform);
    const wider = await t.request('POST', `/api/access/requests/${request.id}/approve`, {
      session: supervisor.session,
      body: { scope: { kind: 'reported_context', context: 3 } },
    });
    expect(wider.status).toBe(400);
    expect((await wider.json()).errors).toEqual([{ field: 'scope', message: 'wider than requested' }]);
    expect((await read(reviewer.session, caseId)).status).toBe(403);
  });

  it("refuses another reviewer's cancelling someone's request", async () => {
    const { request } = await pendingRequest(t, platform);
    const other = await t.signedIn(['reviewer']);
    const cancel = await t.request('POST', `/api/access/requests/${request.id}/cancel`, { session: other.session });
    expect(cancel.status).toBe(403);
    const { status } = await t.db
      .selectFrom('access_request')
      .select('status')
      .where('id', '=', request.id)
      .executeTakeFirstOrThrow();
    expect(status).toBe('pending');
  });

  it('refuses approval by a plain reviewer, and records the refusal', async () => {
    const { reviewer, caseId, request } = await pendingRequest(t, platform);
    const colleague = await t.signedIn(['reviewer']);
    const approve = await t.request('POST', `/api/access/requests/${request.id}/approve`, {
      session: colleague.session,
      body: {},
    });
    expect(approve.status).toBe(403);
    expect(await eventsOf(t, approve)).toEqual([
      expect.objectContaining({ action: 'authz.denied', outcome: 'denied', actor_id: colleague.id }),
    ]);
    expect((await read(reviewer.session, caseId)).status).toBe(403);
  });

  it('refuses approving or cancelling past the deadline in the statement itself, before any sweep marked it', async () => {
    const { reviewer, supervisor, request } = await pendingRequest(t, platform);
    await t.db
      .updateTable('access_request')
      .set({ pending_until: sql`now() - interval '1 second'` })
      .where('id', '=', request.id)
      .execute();
    const policy = t.deps.config.access;
    const approving = t.db
      .transaction()
      .execute((trx) => approveAccessRequest(actionContext(trx, systemActor()), request.id, supervisor.id, {}, policy));
    await expect(approving).rejects.toMatchObject({ code: 'expired', status: 409 } satisfies Partial<AppError>);
    const cancelling = t.db
      .transaction()
      .execute((trx) => cancelAccessRequest(actionContext(trx, systemActor()), request.id, reviewer.id));
    await expect(cancelling).rejects.toMatchObject({ code: 'expired' });
    const grants = await t.db.selectFrom('access_grant').select('id').where('request_id', '=', request.id).execute();
    expect(grants).toEqual([]);
  });
});

describe('grants end by themselves, on the database clock', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("judges expiry by the database's clock, not the API's", async () => {
    const { reviewer, caseId, grantId } = await approvedGrant(t, platform);
    // The API process's clock runs an hour behind the database's: by the database, the grant is over.
    await t.db
      .updateTable('access_grant')
      .set({ expires_at: sql`now() - interval '1 second'` })
      .where('id', '=', grantId)
      .execute();
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() - 60 * 60 * 1000 });
    const late = await read(reviewer.session, caseId);
    expect(late.status).toBe(403);
    expect(JSON.stringify(await late.json())).not.toContain('Message number');

    // And an hour ahead: by the database the grant still runs, so it still reads.
    await t.db
      .updateTable('access_grant')
      .set({ expires_at: sql`now() + interval '5 minutes'` })
      .where('id', '=', grantId)
      .execute();
    vi.setSystemTime(Date.now() + 2 * 60 * 60 * 1000);
    expect((await read(reviewer.session, caseId)).status).toBe(200);
  });

  it('stops returning content the second a grant expires, without any job having run', async () => {
    const reviewer = await t.signedIn(['reviewer']);
    const supervisor = await t.signedIn(['supervisor']);
    const caseId = await heldCase(reviewer.session);
    const request = await (await fileRequest(reviewer.session, caseId)).json();
    const { grantId } = await (
      await t.request('POST', `/api/access/requests/${request.id}/approve`, { session: supervisor.session, body: {} })
    ).json();
    await t.db
      .updateTable('access_grant')
      .set({ expires_at: sql`now() + interval '2 seconds'` })
      .where('id', '=', grantId)
      .execute();
    expect((await read(reviewer.session, caseId)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const after = await read(reviewer.session, caseId);
    expect(after.status).toBe(403);
    expect(JSON.stringify(await after.json())).not.toContain('Message number');
    expect((await t.auditEvents('conversation.read_denied')).at(-1)).toMatchObject({
      case_id: caseId,
      outcome: 'denied',
    });
  });

  it('takes effect on the very next read when revoked', async () => {
    const reviewer = await t.signedIn(['reviewer']);
    const supervisor = await t.signedIn(['supervisor']);
    const caseId = await heldCase(reviewer.session);
    const request = await (await fileRequest(reviewer.session, caseId)).json();
    const { grantId } = await (
      await t.request('POST', `/api/access/requests/${request.id}/approve`, { session: supervisor.session, body: {} })
    ).json();
    expect((await read(reviewer.session, caseId)).status).toBe(200);
    const active = await (await t.request('GET', '/api/access/grants', { session: supervisor.session })).json();
    expect(active.items.map((g: { id: string }) => g.id)).toContain(grantId);
    expect(
      (await t.request('POST', `/api/access/grants/${grantId}/revoke`, { session: supervisor.session })).status,
    ).toBe(200);
    expect((await read(reviewer.session, caseId)).status).toBe(403);
    expect(
      (await t.request('POST', `/api/access/grants/${grantId}/revoke`, { session: supervisor.session })).status,
    ).toBe(409);
  });

  it('records the grant a decision was taken under, and the trail runs request → approval → reads → decision → end', async () => {
    const reviewer = await t.signedIn(['reviewer']);
    const supervisor = await t.signedIn(['supervisor']);
    const caseId = await heldCase(reviewer.session);
    const request = await (await fileRequest(reviewer.session, caseId)).json();
    const { grantId } = await (
      await t.request('POST', `/api/access/requests/${request.id}/approve`, { session: supervisor.session, body: {} })
    ).json();
    await read(reviewer.session, caseId);
    const decision = await (
      await t.request('POST', `/api/cases/${caseId}/decisions`, {
        session: reviewer.session,
        body: { action: 'warn', policyCode: 'HR-1', rationale: 'Context shows repeated unwanted contact.' },
      })
    ).json();
    expect(decision.grantId).toBe(grantId);
    const trail = await t.db
      .selectFrom('audit_event')
      .select(['action'])
      .where((eb) => eb.or([eb('grant_id', '=', grantId), eb('target_id', '=', request.id)]))
      .orderBy('id')
      .execute();
    expect(trail.map((e) => e.action)).toEqual([
      'access.requested',
      'access.approved',
      'conversation.read',
      'decision.recorded',
      'access.ended',
    ]);
  });
});

describe('scope, enforced in the read itself', () => {
  async function grantedRead(scope: object, ids?: string) {
    const reviewer = await t.signedIn(['reviewer']);
    const supervisor = await t.signedIn(['supervisor']);
    const caseId = await heldCase(reviewer.session);
    const request = await (await fileRequest(reviewer.session, caseId, { scope })).json();
    await t.request('POST', `/api/access/requests/${request.id}/approve`, { session: supervisor.session, body: {} });
    const response = await read(reviewer.session, caseId, ids);
    return { response, body: await response.json(), caseId };
  }

  it('returns only the messages sent inside a time window, however they are asked for', async () => {
    // Messages m1…m7 were sent a minute apart from 10:00.
    const window = { kind: 'time_window', from: '2026-11-01T10:02:00.000Z', to: '2026-11-01T10:04:00.000Z' };
    const { body } = await grantedRead(window);
    expect(body.messages.map((m: { id: string }) => m.id)).toEqual(['m3', 'm4', 'm5']);
    const asked = await grantedRead(window, 'm1,m2,m6,m3');
    expect(asked.body.messages.map((m: { id: string }) => m.id)).toEqual(['m3']);
    const [event] = (await t.auditEvents('conversation.read')).slice(-1);
    expect(event?.details).toEqual({ messageIds: ['m3'], pathway: 'user_report' });
  });

  it('writes exactly one event per read, with its request id, whether it returns content or is refused', async () => {
    const { response, caseId } = await grantedRead({ kind: 'full_conversation' });
    const requestId = response.headers.get('x-request-id');
    const events = await t.db.selectFrom('audit_event').selectAll().where('request_id', '=', requestId).execute();
    expect(events.map((e) => e.action)).toEqual(['conversation.read']);
    expect(events[0]?.details).toEqual({
      messageIds: ['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7'],
      pathway: 'user_report',
    });

    const stranger = await t.signedIn(['reviewer']);
    const refused = await read(stranger.session, caseId);
    expect(refused.status).toBe(403);
    const refusals = await t.db
      .selectFrom('audit_event')
      .selectAll()
      .where('request_id', '=', refused.headers.get('x-request-id'))
      .execute();
    expect(refusals).toHaveLength(1);
    expect(refusals[0]).toMatchObject({
      action: 'conversation.read_denied',
      outcome: 'denied',
      actor_id: stranger.id,
      target_type: 'case',
      target_id: caseId,
      grant_id: null,
      details: { reason: 'no_live_grant' },
    });
  });
});

describe('break-glass', () => {
  it('is refused for non-urgent categories', async () => {
    const reviewer = await t.signedIn(['reviewer']);
    const caseId = await heldCase(reviewer.session, 'harassment');
    const response = await t.request('POST', `/api/cases/${caseId}/break-glass`, {
      session: reviewer.session,
      body: { justification: JUSTIFICATION, durationMinutes: 10 },
    });
    expect(response.status).toBe(403);
  });

  it('opens a short window on urgent cases, capped at 15 minutes, and waits for review until reviewed', async () => {
    const reviewer = await t.signedIn(['reviewer']);
    const caseId = await heldCase(reviewer.session, 'violent_threat');
    const tooLong = await t.request('POST', `/api/cases/${caseId}/break-glass`, {
      session: reviewer.session,
      body: { justification: JUSTIFICATION, durationMinutes: 30 },
    });
    expect(tooLong.status).toBe(400);
    const grant = await (
      await t.request('POST', `/api/cases/${caseId}/break-glass`, {
        session: reviewer.session,
        body: { justification: JUSTIFICATION, durationMinutes: 10 },
      })
    ).json();
    expect(grant.breakGlass).toBe(true);
    expect((await (await read(reviewer.session, caseId)).json()).messages).toHaveLength(7);

    const supervisor = await t.signedIn(['supervisor']);
    const waiting = async () =>
      (await (await t.request('GET', '/api/access/break-glass', { session: supervisor.session })).json()).items.map(
        (g: { id: string }) => g.id,
      );
    expect(await waiting()).toContain(grant.id);
    // Someone who is reviewer and supervisor still never reviews their own use.
    const both = await t.signedIn(['reviewer', 'supervisor']);
    const ownCase = await heldCase(both.session, 'violent_threat');
    const own = await (await breakGlassAs(t, both.session, ownCase, 5)).json();
    const selfReview = await t.request('POST', `/api/access/break-glass/${own.id}/review`, {
      session: both.session,
      body: { outcome: 'justified' },
    });
    expect(selfReview.status).toBe(403);
    expect(await waiting()).toContain(own.id);
    const reviewed = await t.request('POST', `/api/access/break-glass/${grant.id}/review`, {
      session: supervisor.session,
      body: { outcome: 'unjustified', note: 'The threat was already clear from the reported messages.' },
    });
    expect((await reviewed.json()).review).toMatchObject({ outcome: 'unjustified', by: supervisor.id });
    expect(await waiting()).not.toContain(grant.id);
    expect((await t.auditEvents('access.break_glass_reviewed')).at(-1)).toMatchObject({ grant_id: grant.id });
  });
});

/**
 * A malicious reviewer and a malicious supervisor try to keep, widen or mint access to content
 * (ADR 018). Each attempt must return no content, and must leave an audit event for the attempt.
 */
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  approvedGrant,
  breakGlassAs,
  eventsOf,
  fileRequest,
  heldCase,
  pendingRequest,
  readConversationAs,
  sevenMessageReport,
  sweepDeadlines,
} from '../access/test-helpers';
import { casesVia } from '../testing/cases';
import type { TestResponse, TestSession } from '../testing/harness';
import { useTestApp } from '../testing/harness';

const t = useTestApp();
let platform: { keyId: string; secret: string };

beforeAll(async () => {
  platform = await t.serviceAccount();
});

const read = (session: TestSession, caseId: string, ids?: string) => readConversationAs(t, session, caseId, ids);
const idsOf = async (response: TestResponse) => ((await response.json()).messages as { id: string }[]).map((m) => m.id);

/** No message body in the response, and the attempt is on record as refused, under its own request id. */
async function expectRefusedAndAudited(response: TestResponse, status: number, action: string) {
  expect(response.status).toBe(status);
  const text = await response.text();
  expect(text).not.toContain('Message number');
  const events = await eventsOf(t, response);
  expect(events).toHaveLength(1);
  expect(events[0]).toMatchObject({ action, outcome: 'denied' });
  return JSON.parse(text) as { code: string };
}

const endedEvents = (grantId: string) =>
  t.db
    .selectFrom('audit_event')
    .selectAll()
    .where('action', '=', 'access.ended')
    .where('grant_id', '=', grantId)
    .execute();

const liveGrantIds = async (supervisor: TestSession) =>
  (await (await t.request('GET', '/api/access/grants', { session: supervisor })).json()).items.map(
    (g: { id: string }) => g.id,
  );

describe('a reviewer keeps reading after the reason for access ended', () => {
  it('gets nothing once they decided the case, and the grant is recorded as ended by the decision', async () => {
    const { reviewer, supervisor, caseId, grantId } = await approvedGrant(t, platform);
    expect(await idsOf(await read(reviewer.session, caseId))).toEqual(['m3', 'm4', 'm5']);
    const decided = await t.request('POST', `/api/cases/${caseId}/decisions`, {
      session: reviewer.session,
      body: { action: 'warn', policyCode: 'HR-1', rationale: 'Context shows repeated unwanted contact.' },
    });
    expect(decided.status).toBe(201);

    await expectRefusedAndAudited(await read(reviewer.session, caseId), 403, 'conversation.read_denied');
    expect(await endedEvents(grantId)).toEqual([
      expect.objectContaining({
        actor_id: reviewer.id,
        case_id: caseId,
        details: expect.objectContaining({ reason: 'decided' }),
      }),
    ]);
    expect(await liveGrantIds(supervisor.session)).not.toContain(grantId);
  });

  it('gets nothing once they released the case', async () => {
    const { reviewer, caseId, grantId } = await approvedGrant(t, platform);
    expect((await t.request('POST', `/api/cases/${caseId}/release`, { session: reviewer.session })).status).toBe(204);
    await expectRefusedAndAudited(await read(reviewer.session, caseId), 403, 'conversation.read_denied');
    expect((await endedEvents(grantId))[0]?.details).toMatchObject({ reason: 'released' });
  });

  it('gets nothing once a supervisor reassigned the case to someone else', async () => {
    const { reviewer, supervisor, caseId, grantId } = await approvedGrant(t, platform);
    const colleague = await t.signedIn(['reviewer']);
    const reassigned = await t.request('POST', `/api/cases/${caseId}/reassign`, {
      session: supervisor.session,
      body: { assigneeId: colleague.id },
    });
    expect(reassigned.status).toBe(200);
    await expectRefusedAndAudited(await read(reviewer.session, caseId), 403, 'conversation.read_denied');
    expect((await endedEvents(grantId))[0]).toMatchObject({
      actor_id: supervisor.id,
      details: expect.objectContaining({ reason: 'reassigned', holderId: reviewer.id }),
    });
    // The new holder inherits nothing: the grant was the old holder's.
    await expectRefusedAndAudited(await read(colleague.session, caseId), 403, 'conversation.read_denied');
  });

  it('gets nothing the moment the lease lapses; the sweep then records the end as the system', async () => {
    const { reviewer, supervisor, caseId, grantId } = await approvedGrant(t, platform);
    await t.db
      .updateTable('case')
      .set({ lease_expires_at: sql`now() - interval '1 second'` })
      .where('id', '=', caseId)
      .execute();
    // No job has run yet: the read refuses on its own.
    expect(await endedEvents(grantId)).toEqual([]);
    await expectRefusedAndAudited(await read(reviewer.session, caseId), 403, 'conversation.read_denied');

    expect(await liveGrantIds(supervisor.session)).not.toContain(grantId);
    await sweepDeadlines(t.db);
    const ended = await endedEvents(grantId);
    expect(ended).toEqual([
      expect.objectContaining({
        actor_type: 'system',
        request_id: null,
        details: { reason: 'lease_lapsed', holderId: reviewer.id },
      }),
    ]);
    await sweepDeadlines(t.db);
    expect(await endedEvents(grantId)).toHaveLength(1);
  });

  it('gets nothing after escalating, or after a colleague took over the lapsed case', async () => {
    const escalated = await approvedGrant(t, platform);
    await t.request('POST', `/api/cases/${escalated.caseId}/decisions`, {
      session: escalated.reviewer.session,
      body: { action: 'escalate', policyCode: 'HR-1', rationale: 'A supervisor should look at this pattern.' },
    });
    await expectRefusedAndAudited(
      await read(escalated.reviewer.session, escalated.caseId),
      403,
      'conversation.read_denied',
    );
    expect((await endedEvents(escalated.grantId))[0]?.details).toMatchObject({ reason: 'escalated' });

    const lapsed = await approvedGrant(t, platform);
    const { queue_id } = await t.db
      .updateTable('case')
      .set({ lease_expires_at: sql`now() - interval '1 second'` })
      .where('id', '=', lapsed.caseId)
      .returning('queue_id')
      .executeTakeFirstOrThrow();
    const colleague = await t.signedIn(['reviewer']);
    const claimed = await t.request('POST', `/api/queues/${queue_id}/claim-next`, {
      session: colleague.session,
      body: {},
    });
    expect((await claimed.json()).case.id).toBe(lapsed.caseId);
    await expectRefusedAndAudited(await read(lapsed.reviewer.session, lapsed.caseId), 403, 'conversation.read_denied');
    expect((await endedEvents(lapsed.grantId))[0]?.details).toMatchObject({ reason: 'taken_over' });
  });
});

describe('a reviewer whose access was revoked', () => {
  it('cannot break glass on that case again, and a new request shows the approver who revoked and why', async () => {
    const reviewer = await t.signedIn(['reviewer']);
    const supervisor = await t.signedIn(['supervisor']);
    const caseId = await heldCase(t, platform, reviewer.session, 'violent_threat');
    const breakGlass = () => breakGlassAs(t, reviewer.session, caseId);
    const first = await (await breakGlass()).json();
    const reason = 'Reading far beyond what the threat needed.';
    const revoked = await t.request('POST', `/api/access/grants/${first.id}/revoke`, {
      session: supervisor.session,
      body: { reason },
    });
    expect(revoked.status).toBe(200);

    await expectRefusedAndAudited(await breakGlass(), 403, 'request.refused');
    await expectRefusedAndAudited(await read(reviewer.session, caseId), 403, 'conversation.read_denied');

    const request = await (await fileRequest(t, reviewer.session, caseId)).json();
    const { items } = await (await t.request('GET', '/api/access/requests', { session: supervisor.session })).json();
    expect(items.find((each: { id: string }) => each.id === request.id).previousRevocation).toMatchObject({
      grantId: first.id,
      revokedBy: { id: supervisor.id, username: supervisor.username },
      reason,
    });
  });
});

describe('a reviewer stacks break-glass', () => {
  it('is refused a second window while one is live, and the first keeps its end', async () => {
    const reviewer = await t.signedIn(['reviewer']);
    const caseId = await heldCase(t, platform, reviewer.session, 'violent_threat');
    const breakGlass = () => breakGlassAs(t, reviewer.session, caseId, 15);
    const first = await (await breakGlass()).json();
    const second = await breakGlass();
    await expectRefusedAndAudited(second, 409, 'request.refused');
    const grants = await t.db.selectFrom('access_grant').selectAll().where('case_id', '=', caseId).execute();
    expect(grants.map((g) => g.id)).toEqual([first.id]);
  });
});

describe('a later report widens an approved scope', () => {
  it('returns only what was approved, however the reviewer asks', async () => {
    const { reviewer, caseId } = await approvedGrant(t, platform);
    const { conversation_id } = await t.db
      .selectFrom('case')
      .select('conversation_id')
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    // A second report on the same conversation, naming m1, joins the open case.
    const [joined] = await casesVia(t, platform, [sevenMessageReport('harassment', ['m1'], conversation_id)]);
    expect(joined).toBe(caseId);

    expect(await idsOf(await read(reviewer.session, caseId))).toEqual(['m3', 'm4', 'm5']);
    const asked = await read(reviewer.session, caseId, 'm1,m2');
    expect(await idsOf(asked)).toEqual([]);
    expect(await eventsOf(t, asked)).toEqual([
      expect.objectContaining({ action: 'conversation.read', details: { messageIds: [], pathway: 'user_report' } }),
    ]);
  });
});

describe('a supervisor approves a request past its deadline', () => {
  it('is refused with 409 expired, and the reviewer gets nothing', async () => {
    const { reviewer, supervisor, caseId, request } = await pendingRequest(t, platform);
    await t.db
      .updateTable('access_request')
      .set({ pending_until: sql`now() - interval '1 second'` })
      .where('id', '=', request.id)
      .execute();
    const approved = await t.request('POST', `/api/access/requests/${request.id}/approve`, {
      session: supervisor.session,
      body: {},
    });
    expect((await expectRefusedAndAudited(approved, 409, 'request.refused')).code).toBe('expired');
    await expectRefusedAndAudited(await read(reviewer.session, caseId), 403, 'conversation.read_denied');
  });
});

describe("a grant ends with its holder's standing", () => {
  it('ends, with the reason, when an admin removes the role that reads conversations', async () => {
    const { reviewer, supervisor, caseId, grantId } = await approvedGrant(t, platform);
    const admin = await t.signedIn(['admin']);
    const removed = await t.request('DELETE', `/api/staff/${reviewer.id}/roles/reviewer`, { session: admin.session });
    expect(removed.status).toBe(200);

    expect(await endedEvents(grantId)).toEqual([
      expect.objectContaining({ case_id: caseId, details: expect.objectContaining({ reason: 'role_removed' }) }),
    ]);
    expect(await liveGrantIds(supervisor.session)).not.toContain(grantId);
    // Given the role back, they still read nothing: the grant stays ended.
    await t.db
      .updateTable('staff_user')
      .set({ roles: ['reviewer'] })
      .where('id', '=', reviewer.id)
      .execute();
    await expectRefusedAndAudited(await read(reviewer.session, caseId), 403, 'conversation.read_denied');
  });

  it('ends when the holder is disabled', async () => {
    const { reviewer, supervisor, grantId } = await approvedGrant(t, platform);
    const admin = await t.signedIn(['admin']);
    expect((await t.request('POST', `/api/staff/${reviewer.id}/disable`, { session: admin.session })).status).toBe(200);
    expect(await endedEvents(grantId)).toEqual([
      expect.objectContaining({ details: expect.objectContaining({ reason: 'staff_disabled' }) }),
    ]);
    expect(await liveGrantIds(supervisor.session)).not.toContain(grantId);
  });

  it('stays when the removed role was not the one that reads', async () => {
    const { reviewer, supervisor, grantId } = await approvedGrant(t, platform);
    await t.db
      .updateTable('staff_user')
      .set({ roles: ['reviewer', 'auditor'] })
      .where('id', '=', reviewer.id)
      .execute();
    const admin = await t.signedIn(['admin']);
    expect(
      (await t.request('DELETE', `/api/staff/${reviewer.id}/roles/auditor`, { session: admin.session })).status,
    ).toBe(200);
    expect(await endedEvents(grantId)).toEqual([]);
    expect(await liveGrantIds(supervisor.session)).toContain(grantId);
  });
});

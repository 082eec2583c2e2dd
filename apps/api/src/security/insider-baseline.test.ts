/**
 * The insider paths that already hold: a reviewer, supervisor, auditor or admin trying to reach
 * content the product never lets them reach. Each scenario starts from a legitimate read (the
 * grantee holding the case under an approved grant) and asserts that the abuse returns no
 * content and leaves its refusal in the audit log.
 */

import type { Role } from '@docket/permissions';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { fileRequest, heldCase, JUSTIFICATION } from '../access/test-helpers';
import { useTestApp } from '../testing/harness';
import {
  expectNoContent,
  expectReadRefused,
  expectRefusalAudited,
  readConversation,
  reviewerReadingUnderGrant,
} from './insider';

const t = useTestApp();
let platform: { keyId: string; secret: string };

beforeAll(async () => {
  platform = await t.serviceAccount();
});

const underGrant = () => reviewerReadingUnderGrant(t, platform);

/** Someone with `roles` holding a case and approving their own access request for it. */
async function approvingOwnRequest(roles: Role[]) {
  const insider = await t.signedIn(roles);
  const caseId = await heldCase(t, platform, insider.session);
  const requestId = (await (await fileRequest(t, insider.session, caseId)).json()).id;
  const response = await t.request('POST', `/api/access/requests/${requestId}/approve`, {
    session: insider.session,
    body: {},
  });
  return { insider, caseId, response };
}

describe('a malicious reviewer', () => {
  it('gets nothing outside the granted scope by asking for message ids, and the attempt is recorded', async () => {
    const { reviewer, caseId, grantId } = await underGrant();
    const response = await readConversation(t, reviewer.session, caseId, 'm1,m7');
    await expectNoContent(response);
    expect((await response.json()).messages).toEqual([]);
    const [event] = await t.db
      .selectFrom('audit_event')
      .selectAll()
      .where('request_id', '=', response.headers.get('x-request-id'))
      .execute();
    expect(event).toMatchObject({ action: 'conversation.read', grant_id: grantId, details: { messageIds: [] } });
  });

  it('reads nothing once the grant has expired', async () => {
    const { reviewer, caseId, grantId } = await underGrant();
    await t.db
      .updateTable('access_grant')
      .set({ expires_at: sql`now() - interval '1 second'` })
      .where('id', '=', grantId)
      .execute();
    await expectReadRefused(t, reviewer, caseId);
  });

  it('reads nothing once the grant is revoked', async () => {
    const { reviewer, supervisor, caseId, grantId } = await underGrant();
    await t.request('POST', `/api/access/grants/${grantId}/revoke`, { session: supervisor.session });
    await expectReadRefused(t, reviewer, caseId);
  });

  it("reads nothing of someone else's case, even holding a live grant on a case of their own", async () => {
    const { caseId } = await underGrant();
    const other = await underGrant();
    // Setting up the second closed every other open case as decided; this one is still being
    // worked (a decided case is open to read for anyone who may read cases).
    await t.db.updateTable('case').set({ status: 'open' }).where('id', '=', caseId).execute();

    await expectReadRefused(t, other.reviewer, caseId);
    const caseView = await t.request('GET', `/api/cases/${caseId}`, { session: other.reviewer.session });
    expect(caseView.status).toBe(409);
    await expectNoContent(caseView);
    await expectRefusalAudited(t, caseView, { action: 'request.refused', actorId: other.reviewer.id });
  });

  it('cannot approve an access request, their own included', async () => {
    const { insider, caseId, response } = await approvingOwnRequest(['reviewer']);
    expect(response.status).toBe(403);
    await expectRefusalAudited(t, response, { action: 'authz.denied', actorId: insider.id });
    await expectReadRefused(t, insider, caseId);
  });

  it('cannot open a break-glass window on a case that is not urgent', async () => {
    const reviewer = await t.signedIn(['reviewer']);
    const caseId = await heldCase(t, platform, reviewer.session, 'harassment');
    const response = await t.request('POST', `/api/cases/${caseId}/break-glass`, {
      session: reviewer.session,
      body: { justification: JUSTIFICATION, durationMinutes: 10 },
    });
    expect(response.status).toBe(403);
    await expectRefusalAudited(t, response, { action: 'request.refused', actorId: reviewer.id });
    await expectReadRefused(t, reviewer, caseId);
  });

  it('cannot export the audit log', async () => {
    const { reviewer, caseId } = await underGrant();
    const response = await t.request('GET', `/api/audit/export?scope=case&caseId=${caseId}`, {
      session: reviewer.session,
    });
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).not.toContain('zip');
    await expectNoContent(response);
    await expectRefusalAudited(t, response, { action: 'authz.denied', actorId: reviewer.id });
  });
});

describe('a disabled reviewer’s live session', () => {
  it('reads nothing once an admin disables them mid-grant', async () => {
    const { reviewer, caseId } = await underGrant();
    const admin = await t.signedIn(['admin']);
    expect((await t.request('POST', `/api/staff/${reviewer.id}/disable`, { session: admin.session })).status).toBe(200);
    const response = await readConversation(t, reviewer.session, caseId);
    expect(response.status).toBe(401);
    await expectNoContent(response);
    // The session is gone, so the refusal names no actor; it names the case that was tried.
    const event = await expectRefusalAudited(t, response, { action: 'request.refused', actorId: null });
    expect(event?.case_id).toBe(caseId);
  });

  it('reads nothing when disabled directly in the database, sessions left in place', async () => {
    const { reviewer, caseId } = await underGrant();
    await t.db.updateTable('staff_user').set({ disabled_at: sql`now()` }).where('id', '=', reviewer.id).execute();
    const response = await readConversation(t, reviewer.session, caseId);
    expect(response.status).toBe(401);
    await expectNoContent(response);
    await expectRefusalAudited(t, response, { action: 'request.refused', actorId: null });
  });
});

describe('a malicious supervisor', () => {
  it('cannot approve their own request, and reads nothing without another approver', async () => {
    const { insider, caseId, response } = await approvingOwnRequest(['reviewer', 'supervisor']);
    expect(response.status).toBe(403);
    await expectRefusalAudited(t, response, { action: 'request.refused', actorId: insider.id });
    await expectReadRefused(t, insider, caseId);
  });

  it('cannot read the conversation they approved for someone else', async () => {
    const { supervisor, caseId } = await underGrant();
    await expectReadRefused(t, supervisor, caseId);
  });
});

describe('auditors and admins never read content', () => {
  it.each([['auditor'], ['admin']] as const)('refuses an %s the conversation and the case view', async (role) => {
    const { caseId } = await underGrant();
    const insider = await t.signedIn([role]);
    for (const path of [`/api/cases/${caseId}/conversation`, `/api/cases/${caseId}`]) {
      const response = await t.request('GET', path, { session: insider.session });
      expect(response.status).toBe(403);
      await expectNoContent(response);
      await expectRefusalAudited(t, response, { action: 'authz.denied', actorId: insider.id });
    }
  });
});

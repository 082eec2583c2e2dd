import { beforeAll, describe, expect, it } from 'vitest';
import { breakGlassAs, fileRequest, heldCase, pendingRequest } from '../access/test-helpers';
import { aDecision } from '../testing/cases';
import { type TestSession, useTestApp } from '../testing/harness';

const t = useTestApp();
let platform: { keyId: string; secret: string };

beforeAll(async () => {
  platform = await t.serviceAccount();
});

const open = (session: TestSession, caseId: string) => t.request('GET', `/api/cases/${caseId}`, { session });
const holderOf = async (caseId: string) =>
  (await t.db.selectFrom('case').select(['assignee_id', 'status']).where('id', '=', caseId).executeTakeFirstOrThrow())
    .assignee_id;

describe('a supervisor sees what they sign', () => {
  it('opens a case with a pending access request read-only, blurred alike, audited, and the holder keeps it', async () => {
    const { reviewer, supervisor, caseId } = await pendingRequest(t, platform, { category: 'violent_threat' });
    const response = await open(supervisor.session, caseId);
    expect(response.status).toBe(200);
    const detail = await response.json();
    expect(detail).toMatchObject({ readOnly: true, signing: 'access_request', blurEvidence: true });
    expect(detail.evidence.map((m: { id: string }) => m.id)).toEqual(['m4']);
    expect(JSON.stringify(detail)).not.toContain('Message number 3'); // outside the reported evidence
    expect(await holderOf(caseId)).toBe(reviewer.id);

    const [opened] = (await t.auditEvents('case.opened')).slice(-1);
    expect(opened).toMatchObject({
      case_id: caseId,
      actor_id: supervisor.id,
      details: expect.objectContaining({ evidenceMessageIds: ['m4'], readOnly: true, signing: 'access_request' }),
    });

    const reveal = await t.request('POST', `/api/cases/${caseId}/evidence/reveal`, { session: supervisor.session });
    expect(reveal.status).toBe(204);
    expect((await t.auditEvents('evidence.revealed')).at(-1)).toMatchObject({
      case_id: caseId,
      actor_id: supervisor.id,
    });
    // Looking is not holding: the reviewer's lease renews, and the supervisor cannot act on the case.
    expect((await t.request('POST', `/api/cases/${caseId}/lease`, { session: reviewer.session })).status).toBe(200);
    expect((await t.request('POST', `/api/cases/${caseId}/release`, { session: supervisor.session })).status).toBe(409);
  });

  it('shows nothing of a requester’s own request to them as a supervisor, nor to anyone without approval rights', async () => {
    const both = await t.signedIn(['reviewer', 'supervisor']);
    const caseId = await heldCase(t, platform, both.session);
    expect((await fileRequest(t, both.session, caseId)).status).toBe(201);
    // They hold it, so they see it as its holder, not as a signer.
    expect((await (await open(both.session, caseId)).json()).signing).toBeNull();
    await t.request('POST', `/api/cases/${caseId}/release`, { session: both.session });
    expect((await open(both.session, caseId)).status).toBe(409);

    const { caseId: other } = await pendingRequest(t, platform);
    const reviewer = await t.signedIn(['reviewer']);
    expect((await open(reviewer.session, other)).status).toBe(409);
    expect((await t.request('POST', `/api/cases/${other}/evidence/reveal`, { session: reviewer.session })).status).toBe(
      409,
    );
  });

  it('opens a case awaiting confirmation and one with an unreviewed break-glass, and stops once signed', async () => {
    const decider = await t.signedIn(['reviewer', 'supervisor']);
    const awaiting = await heldCase(t, platform, decider.session, 'scam_fraud');
    const decided = await t.request('POST', `/api/cases/${awaiting}/decisions`, {
      session: decider.session,
      body: aDecision('suspend_account', 'SC-1', 'Messages match the scam pattern described in policy.'),
    });
    expect(decided.status).toBe(201);
    const supervisor = await t.signedIn(['supervisor']);
    expect(await (await open(supervisor.session, awaiting)).json()).toMatchObject({ signing: 'confirmation' });

    const reviewer = await t.signedIn(['reviewer']);
    const urgent = await heldCase(t, platform, reviewer.session, 'violent_threat');
    const grant = await (await breakGlassAs(t, reviewer.session, urgent)).json();
    expect(await (await open(supervisor.session, urgent)).json()).toMatchObject({ signing: 'break_glass_review' });
    const reviewed = await t.request('POST', `/api/access/break-glass/${grant.id}/review`, {
      session: supervisor.session,
      body: { outcome: 'justified' },
    });
    expect(reviewed.status).toBe(200);
    expect((await open(supervisor.session, urgent)).status).toBe(409);
  });
});

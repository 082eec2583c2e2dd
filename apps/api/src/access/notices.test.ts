import type { Received } from '@docket/intake-client/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBackgroundWork } from '../jobs/background';
import { useTestApp } from '../testing/harness';
import { pumpUntil, useWebhookScenario } from '../webhooks/test-helpers';
import { ACCESS_NOTICE_JOB, sendAccessNotices } from './notices';
import {
  approvedGrant,
  breakGlassAs,
  heldCase,
  JUSTIFICATION,
  readConversationAs,
  sweepDeadlines,
} from './test-helpers';

const t = useTestApp({ ACCESS_NOTICE_DELAY_HOURS: '0' });
const scenario = useWebhookScenario(t);
let platform: { keyId: string; secret: string };

beforeAll(async () => {
  platform = await t.serviceAccount();
});

/** The job runner every API process runs, with this test's delay. */
function background(delayHours = 0) {
  const config = { ...t.deps.config, accessNotices: { delayHours } };
  return createBackgroundWork({ db: t.db, keyring: t.keyring, logger: t.deps.logger, config });
}

async function noticesFor(grantId: string) {
  return (await t.auditEvents('access.notice')).filter((event) => event.grant_id === grantId);
}

function expectNoStaffNoContent(received: Received[], secrets: string[]) {
  for (const { body } of received) {
    for (const secret of secrets) expect(body).not.toContain(secret);
  }
}

const today = () => new Date().toISOString().slice(0, 10);

describe('people are told their messages were read', () => {
  it('sends each participant one notice once a grant that read content is revoked', async () => {
    const { receiver } = await scenario.endpoint(['access.notice']);
    const { reviewer, supervisor, caseId, grantId } = await approvedGrant(t, platform);
    // Two reads of the same scope (m4 ± 1): three messages were read, not six.
    expect((await readConversationAs(t, reviewer.session, caseId)).status).toBe(200);
    expect((await readConversationAs(t, reviewer.session, caseId, 'm4')).status).toBe(200);
    const revoked = await t.request('POST', `/api/access/grants/${grantId}/revoke`, {
      session: supervisor.session,
      body: {},
    });
    expect(revoked.status).toBe(200);

    const work = background();
    await pumpUntil(
      () => work.tick(),
      () => receiver.received.length === 2,
    );
    expect(receiver.refused).toBe(0);
    const told = receiver.received
      .map((r) => r.data)
      .sort((a, b) => String(a.accountId).localeCompare(String(b.accountId)));
    const notice = {
      grantId,
      caseId,
      pathway: 'user_report',
      justificationCode: 'USER_REPORT',
      scope: 'reported_context',
      readDates: [today()],
      messagesRead: 3,
    };
    expect(told).toEqual([
      { accountId: 'acct-reported', ...notice },
      { accountId: 'acct-reporter', ...notice },
    ]);
    expectNoStaffNoContent(receiver.received, [
      reviewer.id,
      reviewer.username,
      supervisor.id,
      supervisor.username,
      JUSTIFICATION,
      'Message number',
    ]);
    // Every notice is in the audit log, as what the participant was told.
    expect((await noticesFor(grantId)).map((event) => event.details)).toHaveLength(2);

    // A job run again (at-least-once) tells no one twice.
    await sendAccessNotices(t.db, { grantId }, 0, { defer: () => {} });
    await work.tick();
    expect(await noticesFor(grantId)).toHaveLength(2);
    expect(receiver.received).toHaveLength(2);
  });

  it('names the break-glass pathway when an expired break-glass window read content', async () => {
    const { receiver } = await scenario.endpoint(['access.notice']);
    const reviewer = await t.signedIn(['reviewer']);
    const caseId = await heldCase(t, platform, reviewer.session, 'violent_threat');
    const opened = await breakGlassAs(t, reviewer.session, caseId);
    expect(opened.status).toBe(201);
    const { id: grantId } = await opened.json();
    expect((await readConversationAs(t, reviewer.session, caseId, 'm1,m2')).status).toBe(200);
    await t.db
      .updateTable('access_grant')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', grantId)
      .execute();
    await sweepDeadlines(t.db);

    const work = background();
    await pumpUntil(
      () => work.tick(),
      () => receiver.received.length === 2,
    );
    expect(receiver.received[0]?.data).toMatchObject({
      grantId,
      pathway: 'break_glass',
      justificationCode: null,
      messagesRead: 2,
    });
    expectNoStaffNoContent(receiver.received, [reviewer.id, reviewer.username, JUSTIFICATION, 'Message number']);
  });

  it('tells no one of a grant that read nothing', async () => {
    const { reviewer, caseId, grantId } = await approvedGrant(t, platform);
    const released = await t.request('POST', `/api/cases/${caseId}/release`, { session: reviewer.session, body: {} });
    expect(released.status).toBe(204);

    await background().tick();
    const job = await t.db
      .selectFrom('job')
      .selectAll()
      .where('key', '=', `access.notice:${grantId}`)
      .executeTakeFirst();
    expect(job).toMatchObject({ name: ACCESS_NOTICE_JOB, outcome: 'done' });
    expect(await noticesFor(grantId)).toEqual([]);
  });

  it('waits the configured delay before telling anyone', async () => {
    const { reviewer, caseId, grantId } = await approvedGrant(t, platform);
    expect((await readConversationAs(t, reviewer.session, caseId)).status).toBe(200);
    expect(
      (await t.request('POST', `/api/cases/${caseId}/release`, { session: reviewer.session, body: {} })).status,
    ).toBe(204);

    await background(24).tick();
    expect(await noticesFor(grantId)).toEqual([]);
    const job = await t.db
      .selectFrom('job')
      .selectAll()
      .where('key', '=', `access.notice:${grantId}`)
      .executeTakeFirstOrThrow();
    // Put off, not failed: due a day after the grant ended, with no attempt spent.
    expect(job).toMatchObject({ finished_at: null, attempts: 0 });
    expect(job.run_at.getTime()).toBeGreaterThan(Date.now() + 23 * 3_600_000);
  });
});

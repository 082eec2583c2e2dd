/**
 * Notice to an order's targets (ADR 032): a deferred notice reaches the platform's outbox only
 * after the non-disclosure order ends, sent by the job alone, with its commitment logged when it
 * was decided; ordinary access notices about the same accounts wait for the order too.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '@docket/audit-chain';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { approvedGrant, readConversationAs } from '../access/test-helpers';
import { createBackgroundWork } from '../jobs/background';
import { useTestApp } from '../testing/harness';
import { aLegalRequest, legalOfficers, producedWarrant, recordVia } from '../testing/legal';
import { releaseLegalNotice } from './notices';

const t = useTestApp({ ACCESS_NOTICE_DELAY_HOURS: '0' });
let platform: { keyId: string; secret: string };

beforeAll(async () => {
  platform = await t.serviceAccount();
});

function background() {
  const config = { ...t.deps.config, accessNotices: { delayHours: 0 } };
  return createBackgroundWork({ db: t.db, keyring: t.keyring, logger: t.deps.logger, config });
}

function noticesInOutbox(accountId: string) {
  return t.db
    .selectFrom('outbox_event')
    .select(['type', sql<Record<string, unknown>>`payload`.as('data')])
    .where('type', '=', 'access.notice')
    .where('subject', '=', `account:${accountId}`)
    .execute();
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('notice to the people an order concerned', () => {
  it('keeps a deferred notice out of the outbox until the order ends, then the job sends the one committed', async () => {
    const until = new Date(Date.now() + 10_000);
    const { recorder, people, id } = await producedWarrant(t, platform, {
      nonDisclosure: { statute: '18 U.S.C. § 2705(b)', until: until.toISOString() },
    });
    const deferred = await t.request('POST', `/api/legal/requests/${id}/notices`, {
      session: recorder.session,
      body: { accountId: people.target, decision: 'defer' },
    });
    expect(deferred.status, await deferred.clone().text()).toBe(200);
    const [decided] = await t.db
      .selectFrom('audit_event')
      .select(['details', 'occurred_at'])
      .where('action', '=', 'legal.notice_decided')
      .where('target_id', '=', id)
      .execute();
    expect(decided?.details).toMatchObject({ accountId: people.target, decision: 'defer', until: until.toISOString() });

    const work = background();
    await work.tick();
    expect(await noticesInOutbox(people.target)).toEqual([]);
    // Even run early (a job claimed by hand, a clock skew), the handler puts it off to the order's end.
    let putOff: Date | undefined;
    await releaseLegalNotice(t.db, { requestId: id, accountId: people.target }, { defer: (to) => (putOff = to) });
    expect(putOff?.toISOString()).toBe(until.toISOString());
    expect(await noticesInOutbox(people.target)).toEqual([]);

    await sleep(until.getTime() - Date.now() + 100);
    await work.tick();
    const sent = await noticesInOutbox(people.target);
    expect(sent.map((row) => row.data)).toEqual([
      {
        accountId: people.target,
        legalRequestId: id,
        pathway: 'legal_request',
        justificationCode: 'LEGAL_REQUEST',
        authority: { type: 'court', country: 'DE' },
        instrument: 'search_warrant',
        dataCategories: ['subscriber', 'metadata', 'content'],
        disclosedAt: expect.any(String),
      },
    ]);
    // The log shows the earlier commitment, and the reveal that lets anyone check it.
    const [told] = await t.db
      .selectFrom('audit_event')
      .select(['details', 'occurred_at', 'actor_type'])
      .where('action', '=', 'access.notice')
      .where('target_id', '=', id)
      .execute();
    expect(told?.actor_type).toBe('system');
    expect(told && decided && told.occurred_at > decided.occurred_at).toBe(true);
    const {
      nonce,
      commitment,
      committedAt: _at,
      eventId: _event,
      ...notice
    } = (told as { details: Record<string, unknown> }).details;
    expect(commitment).toBe(decided?.details.commitment);
    expect(createHash('sha256').update(canonicalJson({ notice, nonce })).digest('hex')).toBe(commitment);
    // Sent once, however often the job runs.
    await work.tick();
    expect(await noticesInOutbox(people.target)).toHaveLength(1);
  });

  it('refuses deferring without an end, and records a never with its reason, telling no one', async () => {
    const { recorder, people, id } = await producedWarrant(t, platform);
    const noEnd = await t.request('POST', `/api/legal/requests/${id}/notices`, {
      session: recorder.session,
      body: { accountId: people.target, decision: 'defer' },
    });
    expect(noEnd.status).toBe(400);
    const never = await t.request('POST', `/api/legal/requests/${id}/notices`, {
      session: recorder.session,
      body: { accountId: people.target, decision: 'never', reason: 'The target is deceased; the estate was told.' },
    });
    expect(never.status).toBe(200);
    await background().tick();
    expect(await noticesInOutbox(people.target)).toEqual([]);
  });

  it('defers an ordinary access notice while a non-disclosure order covers a participant', async () => {
    const { reviewer, supervisor, caseId, grantId } = await approvedGrant(t, platform);
    expect((await readConversationAs(t, reviewer.session, caseId)).status).toBe(200);
    const { participant_ids } = await t.db
      .selectFrom('conversation')
      .innerJoin('case', 'case.conversation_id', 'conversation.id')
      .select('participant_ids')
      .where('case.id', '=', caseId)
      .executeTakeFirstOrThrow();
    const covered = participant_ids[1] as string;
    const until = new Date(Date.now() + 3_000);
    const officers = await legalOfficers(t);
    await recordVia(
      t,
      officers.recorder.session,
      aLegalRequest(
        [{ accountId: covered, from: '2026-01-01T00:00:00Z', until: '2027-01-01T00:00:00Z', categories: ['metadata'] }],
        { nonDisclosure: { statute: '§ 101a StPO', until: until.toISOString() } },
      ),
    );
    await t.request('POST', `/api/access/grants/${grantId}/revoke`, { session: supervisor.session, body: {} });
    const work = background();
    await work.tick();
    const told = () =>
      t.db
        .selectFrom('outbox_event')
        .select('subject')
        .where('type', '=', 'access.notice')
        .where(sql<boolean>`payload->>'grantId' = ${grantId}`)
        .execute();
    expect(await told()).toEqual([]);
    await sleep(until.getTime() - Date.now() + 100);
    await work.tick();
    expect((await told()).length).toBe(participant_ids.length);
  });
});

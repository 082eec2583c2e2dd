/**
 * The legal pathway's security core (ADR 032): two people decide an order, a narrowing only
 * shrinks, LEGAL_REQUEST access comes only from an accepted order, and the read statement returns
 * only the targets' messages, inside their ranges, content only where the instrument reaches it.
 */
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { JUSTIFICATION, requestAccess } from '../testing/access';
import { holdNewCase } from '../testing/cases';
import { useTestApp } from '../testing/harness';
import {
  aLegalRequest,
  decide,
  decidedRequest,
  legalConversations,
  legalOfficers,
  legalRead,
  recordVia,
  step,
} from '../testing/legal';
import { aReport } from '../testing/reports';

const t = useTestApp();
let platform: { keyId: string; secret: string };

beforeAll(async () => {
  platform = await t.serviceAccount();
});

const WHOLE_AUTUMN = { from: '2026-09-01T00:00:00Z', until: '2026-12-01T00:00:00Z' };
const NOVEMBER = { from: '2026-11-01T00:00:00Z', until: '2026-12-01T00:00:00Z' };

describe('two people decide an order', () => {
  it('refuses acceptance by the officer who recorded it, in the API and in the database', async () => {
    const { recorder, second } = await legalOfficers(t);
    const id = await recordVia(
      t,
      recorder.session,
      aLegalRequest([{ accountId: 'acct-a', ...WHOLE_AUTUMN, categories: ['metadata'] }]),
    );
    expect((await step(t, recorder.session, id, 'review')).status).toBe(200);
    const refused = await decide(t, recorder.session, id, { outcome: 'accepted' });
    expect(refused.status).toBe(403);
    const row = await t.db.selectFrom('legal_request').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.status).toBe('under_review');
    expect(await t.db.selectFrom('access_grant').select('id').where('legal_request_id', '=', id).execute()).toEqual([]);
    // Going round the API changes nothing: the CHECK refuses the recorder as decider.
    await expect(
      t.db
        .updateTable('legal_request')
        .set({ status: 'accepted', decided_by: recorder.id, decided_at: new Date() })
        .where('id', '=', id)
        .execute(),
    ).rejects.toThrow(/legal_request_second_officer/);
    // …and a status without a decider at all.
    await expect(
      t.db.updateTable('legal_request').set({ status: 'accepted' }).where('id', '=', id).execute(),
    ).rejects.toThrow(/legal_request_decided/);
    expect((await decide(t, second.session, id, { outcome: 'accepted' })).status).toBe(200);
  });

  it('lets the database take only the lifecycle’s steps', async () => {
    const { recorder } = await legalOfficers(t);
    const id = await recordVia(
      t,
      recorder.session,
      aLegalRequest([{ accountId: 'acct-b', ...WHOLE_AUTUMN, categories: ['metadata'] }]),
    );
    await expect(
      t.db.updateTable('legal_request').set({ status: 'closed' }).where('id', '=', id).execute(),
    ).rejects.toThrow(/not a step/);
    // Straight to produced is an emergency's path only.
    await expect(
      t.db
        .updateTable('legal_request')
        .set({ status: 'produced', produced_at: new Date(), manifest_sha256: 'a'.repeat(64), produced_by: recorder.id })
        .where('id', '=', id)
        .execute(),
    ).rejects.toThrow(/legal_request/);
    expect((await step(t, recorder.session, id, 'close')).status).toBe(409);
  });
});

describe('a narrowing only shrinks', () => {
  async function underReview() {
    const officers = await legalOfficers(t);
    const id = await recordVia(
      t,
      officers.recorder.session,
      aLegalRequest([
        { accountId: 'acct-n1', ...WHOLE_AUTUMN, categories: ['metadata', 'content'] },
        { accountId: 'acct-n2', ...WHOLE_AUTUMN, categories: ['subscriber'] },
      ]),
    );
    await step(t, officers.recorder.session, id, 'review');
    return { ...officers, id };
  }

  it('refuses a wider range, a category not asked for, and an account the order does not name', async () => {
    const { second, id } = await underReview();
    const narrowing = (targets: object[]) =>
      decide(t, second.session, id, { outcome: 'narrowed', note: 'Narrowed.', targets });
    const earlier = await narrowing([
      { accountId: 'acct-n1', from: '2026-08-01T00:00:00Z', until: '2026-10-01T00:00:00Z', categories: ['metadata'] },
    ]);
    expect(earlier.status).toBe(400);
    expect((await earlier.json()).errors).toEqual([expect.objectContaining({ field: 'targets.0.from' })]);
    const more = await narrowing([{ accountId: 'acct-n2', ...NOVEMBER, categories: ['subscriber', 'content'] }]);
    expect((await more.json()).errors).toEqual([expect.objectContaining({ field: 'targets.0.categories' })]);
    const stranger = await narrowing([{ accountId: 'acct-new', ...NOVEMBER, categories: ['metadata'] }]);
    expect((await stranger.json()).errors).toEqual([expect.objectContaining({ field: 'targets.0.accountId' })]);
    const row = await t.db.selectFrom('legal_request').select('status').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.status).toBe('under_review');
  });

  it('keeps what a narrowing keeps, drops the rest, and the database refuses widening it afterwards', async () => {
    const { second, id } = await underReview();
    const narrowed = await decide(t, second.session, id, {
      outcome: 'narrowed',
      note: 'One account, one month, content only.',
      targets: [{ accountId: 'acct-n1', ...NOVEMBER, categories: ['content'] }],
    });
    expect(narrowed.status).toBe(200);
    const { targets } = await narrowed.json();
    expect(targets).toEqual([
      expect.objectContaining({
        accountId: 'acct-n1',
        scope: { from: '2026-11-01T00:00:00.000Z', until: '2026-12-01T00:00:00.000Z', categories: ['content'] },
      }),
      expect.objectContaining({ accountId: 'acct-n2', scope: expect.objectContaining({ categories: [] }) }),
    ]);
    // What the order still names is preserved from retention; what was narrowed out is not.
    const holds = await t.db
      .selectFrom('preservation_hold')
      .select(['target_type', 'target_id', 'placed_by'])
      .where('legal_request_id', '=', id)
      .where('released_at', 'is', null)
      .where('expires_at', '>', new Date())
      .execute();
    expect(holds).toEqual([{ target_type: 'account', target_id: 'acct-n1', placed_by: second.id }]);
    // While the order is in force no one may release its hold, not even the officer who placed it.
    const [hold] = await t.db.selectFrom('preservation_hold').select('id').where('legal_request_id', '=', id).execute();
    const release = await t.request('POST', `/api/holds/${hold?.id}/release`, {
      session: second.session,
      body: { reason: 'No longer needed, as I see it.' },
    });
    expect(release.status).toBe(409);
    expect(
      await t.db
        .selectFrom('audit_event')
        .select(['action', 'outcome'])
        .where('request_id', '=', release.headers.get('x-request-id'))
        .execute(),
    ).toEqual([{ action: 'request.refused', outcome: 'denied' }]);
    await expect(
      t.db
        .selectFrom('preservation_hold')
        .select('released_at')
        .where('id', '=', hold?.id ?? '')
        .executeTakeFirst(),
    ).resolves.toEqual({ released_at: null });
    // A scope is fixed once issued: even narrowing it further, or back to what was asked, is refused.
    await expect(
      t.db
        .updateTable('legal_target')
        .set({ scope_from: new Date(WHOLE_AUTUMN.from) })
        .where('request_id', '=', id)
        .where('account_id', '=', 'acct-n1')
        .execute(),
    ).rejects.toThrow(/fixed once issued/);
    await expect(
      t.db
        .insertInto('legal_target')
        .values({
          request_id: id,
          account_id: 'acct-late',
          from_at: new Date(NOVEMBER.from),
          until_at: new Date(NOVEMBER.until),
          categories: ['content'],
        })
        .execute(),
    ).rejects.toThrow(/before it is decided/);
  });

  it('has the database refuse a scope wider than the order, whoever writes it', async () => {
    const { id } = await underReview();
    await expect(
      t.db
        .updateTable('legal_target')
        .set({
          scope_from: new Date('2026-01-01T00:00:00Z'),
          scope_until: new Date(NOVEMBER.until),
          scope_categories: ['metadata'],
        })
        .where('request_id', '=', id)
        .where('account_id', '=', 'acct-n1')
        .execute(),
    ).rejects.toThrow(/legal_target_scope_inside/);
    await expect(
      t.db
        .updateTable('legal_target')
        .set({
          scope_from: new Date(NOVEMBER.from),
          scope_until: new Date(NOVEMBER.until),
          scope_categories: ['content'],
        })
        .where('request_id', '=', id)
        .where('account_id', '=', 'acct-n2')
        .execute(),
    ).rejects.toThrow(/legal_target_scope_inside/);
  });

  it('refuses accepting content under an instrument that does not reach it: it must be narrowed out', async () => {
    const officers = await legalOfficers(t);
    const id = await recordVia(
      t,
      officers.recorder.session,
      aLegalRequest([{ accountId: 'acct-s', ...WHOLE_AUTUMN, categories: ['subscriber', 'content'] }], {
        instrument: 'subpoena',
      }),
    );
    await step(t, officers.recorder.session, id, 'review');
    const accepted = await decide(t, officers.second.session, id, { outcome: 'accepted' });
    expect(accepted.status).toBe(400);
    expect((await accepted.json()).errors[0].message).toMatch(/does not reach content/);
  });
});

describe('a preservation order keeps data and opens none', () => {
  it('is accepted as asked: each target is held from retention, no grant is issued and nothing reads', async () => {
    const officers = await legalOfficers(t);
    const people = await legalConversations(t, platform);
    const id = await decidedRequest(
      t,
      officers,
      aLegalRequest([{ accountId: people.target, ...WHOLE_AUTUMN, categories: ['subscriber', 'content'] }], {
        instrument: 'eu_preservation_order',
      }),
    );
    const request = await (
      await t.request('GET', `/api/legal/requests/${id}`, { session: officers.second.session })
    ).json();
    expect(request.status).toBe('accepted');
    expect(request.targets[0].scope.categories).toEqual([]);
    expect(
      await t.db
        .selectFrom('preservation_hold')
        .select(['target_id'])
        .where('legal_request_id', '=', id)
        .where('released_at', 'is', null)
        .execute(),
    ).toEqual([{ target_id: people.target }]);
    const [accepted] = await t.db
      .selectFrom('audit_event')
      .select(['grant_id'])
      .where('target_id', '=', id)
      .where('action', '=', 'legal.accepted')
      .execute();
    expect(accepted?.grant_id).toBeNull();
    for (const category of ['metadata', 'content'] as const) {
      expect((await legalRead(t, officers.second.session, id, { category })).status).toBe(403);
    }
  });
});

describe('LEGAL_REQUEST access comes only from an accepted order', () => {
  it('refuses LEGAL_REQUEST on a case access request, in the API and in the database', async () => {
    const reviewer = await t.signedIn(['reviewer']);
    const caseId = await holdNewCase(t, platform, reviewer.session, aReport());
    const refused = await requestAccess(t, reviewer.session, caseId, { justificationCode: 'LEGAL_REQUEST' });
    expect(refused.status).toBe(400);
    expect((await refused.json()).errors).toEqual([expect.objectContaining({ field: 'justificationCode' })]);
    const { conversation_id } = await t.db
      .selectFrom('case')
      .select('conversation_id')
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    await expect(
      t.db
        .insertInto('access_request')
        .values({
          case_id: caseId,
          conversation_id,
          requester_id: reviewer.id,
          justification_code: 'LEGAL_REQUEST',
          justification: JUSTIFICATION,
          scope: JSON.stringify({ kind: 'full_conversation' }),
          requested_minutes: 30,
          pending_until: new Date(Date.now() + 3_600_000),
        })
        .execute(),
    ).rejects.toThrow(/access_request_not_legal/);
  });

  it('refuses a legal grant for an order not accepted, or for anyone but its assigned officer', async () => {
    const officers = await legalOfficers(t);
    const id = await recordVia(
      t,
      officers.recorder.session,
      aLegalRequest([{ accountId: 'acct-g', ...WHOLE_AUTUMN, categories: ['metadata'] }]),
    );
    const grant = (granteeId: string) =>
      t.db
        .insertInto('access_grant')
        .values({
          legal_request_id: id,
          grantee_id: granteeId,
          scope: JSON.stringify({ kind: 'legal_request' }),
          expires_at: new Date(Date.now() + 3_600_000),
        })
        .execute();
    await expect(grant(officers.recorder.id)).rejects.toThrow(/names an accepted request/);
    await step(t, officers.recorder.session, id, 'review');
    await decide(t, officers.second.session, id, { outcome: 'accepted' });
    await expect(grant(officers.second.id)).rejects.toThrow(/names an accepted request/);
    // A legal grant never hangs on a case.
    const caseId = (await t.db.selectFrom('case').select('id').executeTakeFirstOrThrow()).id;
    await expect(
      t.db.updateTable('access_grant').set({ case_id: caseId }).where('legal_request_id', '=', id).execute(),
    ).rejects.toThrow(/access_grant_basis/);
    const issued = await t.db
      .selectFrom('access_grant')
      .select(['grantee_id', 'basis', 'case_id'])
      .where('legal_request_id', '=', id)
      .execute();
    expect(issued).toEqual([{ grantee_id: officers.recorder.id, basis: 'legal_request', case_id: null }]);
  });

  it('reads nothing before acceptance, and records the refusal', async () => {
    const officers = await legalOfficers(t);
    const people = await legalConversations(t, platform);
    const id = await recordVia(
      t,
      officers.recorder.session,
      aLegalRequest([{ accountId: people.target, ...WHOLE_AUTUMN, categories: ['metadata', 'content'] }]),
    );
    const refused = await legalRead(t, officers.recorder.session, id, { category: 'content' });
    expect(refused.status).toBe(403);
    const [event] = await t.db
      .selectFrom('audit_event')
      .selectAll()
      .where('target_id', '=', id)
      .where('action', '=', 'legal.read_denied')
      .execute();
    expect(event?.details).toEqual({ category: 'content', reason: 'no_live_grant' });
  });
});

describe('the order bounds the read', () => {
  it('returns only the target’s messages inside the accepted range, even when others are asked for by id', async () => {
    const officers = await legalOfficers(t);
    const people = await legalConversations(t, platform);
    const id = await decidedRequest(
      t,
      officers,
      aLegalRequest([{ accountId: people.target, ...WHOLE_AUTUMN, categories: ['metadata', 'content'] }]),
      {
        outcome: 'narrowed',
        note: 'November only.',
        targets: [{ accountId: people.target, ...NOVEMBER, categories: ['metadata', 'content'] }],
      },
    );
    const all = await legalRead(t, officers.recorder.session, id, { category: 'content' });
    expect(all.status).toBe(200);
    expect((await all.json()).messages.map((m: { id: string; body: string }) => [m.id, m.body])).toEqual([
      ['nov1', 'November reply from the friend.'],
      ['nov2', 'November message from the target.'],
    ]);
    const asked = await legalRead(t, officers.recorder.session, id, {
      category: 'content',
      messages: [
        { conversationId: people.without, id: 'nov' },
        { conversationId: people.withTarget, id: 'oct' },
        { conversationId: people.withTarget, id: 'nov2' },
      ],
    });
    const body = await asked.json();
    expect(body.messages.map((m: { id: string }) => m.id)).toEqual(['nov2']);
    expect(JSON.stringify(body)).not.toMatch(/stranger|October/);
    const [, logged] = await t.db
      .selectFrom('audit_event')
      .select('details')
      .where('target_id', '=', id)
      .where('action', '=', 'legal.read')
      .orderBy('id')
      .execute();
    expect(logged?.details).toEqual({ category: 'content', messageRefs: [[people.withTarget, 'nov2']] });
    // The second officer holds no grant: they decided, they do not read.
    expect((await legalRead(t, officers.second.session, id, { category: 'metadata' })).status).toBe(403);
  });

  it('refuses content when the instrument reaches only metadata, and gives the metadata', async () => {
    const officers = await legalOfficers(t);
    const people = await legalConversations(t, platform);
    const id = await decidedRequest(
      t,
      officers,
      aLegalRequest([{ accountId: people.target, ...NOVEMBER, categories: ['subscriber', 'metadata'] }], {
        instrument: 'subpoena',
      }),
    );
    // Even a scope holding content would not do: the statement checks the instrument itself.
    await t.db.executeQuery(sql`alter table legal_target disable trigger legal_target_fixed`.compile(t.db));
    await t.db
      .updateTable('legal_target')
      .set({
        scope_categories: ['subscriber', 'metadata', 'content'],
        categories: ['subscriber', 'metadata', 'content'],
      })
      .where('request_id', '=', id)
      .execute();
    await t.db.executeQuery(sql`alter table legal_target enable trigger legal_target_fixed`.compile(t.db));
    const content = await legalRead(t, officers.recorder.session, id, { category: 'content' });
    expect(content.status).toBe(403);
    expect(await content.text()).not.toMatch(/November/);
    const metadata = await legalRead(t, officers.recorder.session, id, { category: 'metadata' });
    expect(metadata.status).toBe(200);
    const messages = (await metadata.json()).messages;
    expect(messages.map((m: { id: string }) => m.id)).toEqual(['nov1', 'nov2']);
    expect(messages.every((m: object) => !('body' in m))).toBe(true);
  });

  it('ends the grant when the request is closed with no data, and reads nothing after', async () => {
    const officers = await legalOfficers(t);
    const people = await legalConversations(t, platform);
    const id = await decidedRequest(
      t,
      officers,
      aLegalRequest([{ accountId: people.target, ...NOVEMBER, categories: ['metadata'] }]),
    );
    expect((await legalRead(t, officers.recorder.session, id, { category: 'metadata' })).status).toBe(200);
    expect((await step(t, officers.recorder.session, id, 'no_data')).status).toBe(200);
    expect((await legalRead(t, officers.recorder.session, id, { category: 'metadata' })).status).toBe(403);
    const ended = await t.db
      .selectFrom('audit_event')
      .select(['details', 'case_id'])
      .where('action', '=', 'access.ended')
      .where(sql<boolean>`details->>'legalRequestId' = ${id}`)
      .execute();
    expect(ended).toEqual([{ case_id: null, details: { reason: 'no_data', legalRequestId: id } }]);
  });
});

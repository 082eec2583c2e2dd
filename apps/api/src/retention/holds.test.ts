/**
 * Preservation holds through the API: who may place, extend and release them, and that a hold
 * only ever grows until it is released — checked by the database too, whoever asks it.
 */
import type { Role } from '@docket/permissions';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../testing/harness';
import { eventsOf } from '../testing/staff';

const t = useTestApp();
const DAY_MS = 86_400_000;
const aHold = { targetType: 'account', targetId: 'acct-suspect', reason: 'Preservation letter ref 2026-117.' };

async function placed(session: Awaited<ReturnType<typeof t.signedIn>>['session'], body: object = aHold) {
  const response = await t.request('POST', '/api/holds', { session, body });
  expect(response.status, await response.clone().text()).toBe(201);
  return response.json();
}

describe('who may hold', () => {
  const others: Role[] = ['reviewer', 'supervisor', 'auditor', 'admin'];

  it('lets only manage:hold place, extend or release a hold', async () => {
    const legal = await t.signedIn(['legal']);
    const hold = await placed(legal.session);
    for (const role of others) {
      const { session } = await t.signedIn([role]);
      const attempts = [
        t.request('POST', '/api/holds', { session, body: aHold }),
        t.request('POST', `/api/holds/${hold.id}/extend`, { session, body: { days: 30 } }),
        t.request('POST', `/api/holds/${hold.id}/release`, { session, body: { reason: 'Not needed any more.' } }),
      ];
      for (const response of await Promise.all(attempts)) {
        expect(response.status, role).toBe(403);
        expect((await eventsOf(t, response)).map((e) => e.action)).toEqual(['authz.denied']);
      }
    }
    const row = await t.db.selectFrom('preservation_hold').selectAll().where('id', '=', hold.id).executeTakeFirst();
    expect(row).toMatchObject({ released_at: null, extended_at: null });
    expect(row?.expires_at.toISOString()).toBe(hold.expiresAt);
  });

  it('places a hold for 90 days by default, as the legal officer, and lists it with its expiry', async () => {
    const legal = await t.signedIn(['legal']);
    const response = await t.request('POST', '/api/holds', { session: legal.session, body: aHold });
    const hold = await response.json();
    expect(Date.parse(hold.expiresAt) - Date.parse(hold.placedAt)).toBe(90 * DAY_MS);
    expect(hold).toMatchObject({ status: 'active', placedBy: { id: legal.id }, targetId: 'acct-suspect' });
    expect((await eventsOf(t, response)).map((e) => [e.action, e.target_id, e.details.targetId])).toEqual([
      ['hold.placed', hold.id, 'acct-suspect'],
    ]);

    const list = await (await t.request('GET', '/api/holds', { session: legal.session })).json();
    expect(list.items.find((item: { id: string }) => item.id === hold.id)).toMatchObject({
      expiresAt: hold.expiresAt,
      status: 'active',
    });
  });
});

describe('extending and releasing', () => {
  it('extends by adding days to the expiry, and refuses anything that is not a lengthening', async () => {
    const { session } = await t.signedIn(['legal']);
    const hold = await placed(session);
    const extended = await (
      await t.request('POST', `/api/holds/${hold.id}/extend`, { session, body: { days: 30 } })
    ).json();
    expect(Date.parse(extended.expiresAt) - Date.parse(hold.expiresAt)).toBe(30 * DAY_MS);

    for (const days of [0, -30, 1.5]) {
      const response = await t.request('POST', `/api/holds/${hold.id}/extend`, { session, body: { days } });
      expect(response.status).toBe(400);
      expect((await response.json()).errors.map((e: { field: string }) => e.field)).toEqual(['days']);
    }
    // Whoever writes to the table, the database keeps the rule.
    const shortened = await sql`update preservation_hold set expires_at = expires_at - interval '1 day'
      where id = ${hold.id}`
      .execute(t.db)
      .catch((error: Error) => error);
    expect(shortened).toBeInstanceOf(Error);
    expect(String(shortened)).toMatch(/only be extended/);
    const deleted = await sql`delete from preservation_hold where id = ${hold.id}`
      .execute(t.db)
      .catch((error: Error) => error);
    expect(String(deleted)).toMatch(/never deleted/);
  });

  it('releases a live hold once; a released or expired hold is neither extended nor released again', async () => {
    const legal = await t.signedIn(['legal']);
    const hold = await placed(legal.session);
    const released = await t.request('POST', `/api/holds/${hold.id}/release`, {
      session: legal.session,
      body: { reason: 'The authority withdrew its order.' },
    });
    expect(released.status).toBe(200);
    expect(await released.json()).toMatchObject({ status: 'released', released: { by: { id: legal.id } } });

    for (const [action, body] of [
      ['extend', { days: 10 }],
      ['release', { reason: 'Releasing it a second time.' }],
    ] as const) {
      const again = await t.request('POST', `/api/holds/${hold.id}/${action}`, { session: legal.session, body });
      expect(again.status).toBe(409);
    }
    const reopened =
      await sql`update preservation_hold set released_at = null, released_by = null, release_reason = null
      where id = ${hold.id}`
        .execute(t.db)
        .catch((error: Error) => error);
    expect(String(reopened)).toMatch(/was released/);

    const { id: expiredId } = await t.db
      .insertInto('preservation_hold')
      .values({
        target_type: 'conversation',
        target_id: 'conv-old',
        reason: 'An old preservation letter.',
        placed_by: legal.id,
        placed_at: sql`now() - interval '100 days'`,
        expires_at: sql`now() - interval '10 days'`,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const late = await t.request('POST', `/api/holds/${expiredId}/extend`, {
      session: legal.session,
      body: { days: 10 },
    });
    expect(late.status).toBe(409);
    expect((await late.json()).code).toBe('expired');
  });
});

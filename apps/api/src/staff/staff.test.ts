import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../testing/harness';
import { createViaApi, decide, NEW_PASSWORD, pendingFor, redeem } from '../testing/staff';

const t = useTestApp();
const newStaff = (username: string) => ({ username, displayName: 'Casey Case', roles: ['reviewer', 'supervisor'] });

const staffCount = () => t.count('staff_user');

describe('staff administration', () => {
  it('creates an account with no password and no roles yet, and shows its one-time link once', async () => {
    const { session, id: adminId } = await t.signedIn(['admin']);
    const response = await t.request('POST', '/api/staff', { session, body: newStaff('Casey.New') });
    expect(response.status).toBe(201);
    const { user, link } = await response.json();
    expect(user).toMatchObject({
      username: 'casey.new',
      roles: [],
      pendingRoles: ['reviewer', 'supervisor'],
      enrolled: false,
    });
    expect(link).toMatchObject({ purpose: 'enrol', path: expect.stringMatching(/^\/enrol#[\w-]{40,}$/) });
    expect(Date.parse(link.expiresAt) - Date.now()).toBeGreaterThan(71 * 3600_000);

    // Only a hash is kept: the token is in neither the table nor the audit log.
    const token = link.path.split('#')[1];
    const stored = await t.db.selectFrom('staff_link').selectAll().where('staff_user_id', '=', user.id).execute();
    expect(JSON.stringify(stored)).not.toContain(token);
    const [event] = await t.auditEvents('staff.created');
    expect(event).toMatchObject({
      actor_id: adminId,
      target_id: user.id,
      details: { username: 'casey.new', requestedRoles: ['reviewer', 'supervisor'] },
    });
    expect(JSON.stringify(event)).not.toContain(token);

    // Nobody can sign in before enrolling, not even with an empty password.
    const signIn = await t.request('POST', '/api/auth/sign-in', { body: { username: 'casey.new', password: 'x' } });
    expect(signIn.status).toBe(401);
  });

  it('lets the new person set their own password through the link, then sign in', async () => {
    const { session } = await t.signedIn(['admin']);
    const created = await createViaApi(t, session, 'enrols.self', ['auditor']);
    const response = await redeem(t, created.token, { ip: '198.51.100.7' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ username: 'enrols.self', purpose: 'enrol' });
    expect((await t.signIn('enrols.self', NEW_PASSWORD)).userId).toBe(created.id);
    const [event] = await t.auditEvents('staff.enrolled');
    expect(event).toMatchObject({ actor_id: created.id, target_id: created.id, user_agent: 'Enrolling browser' });
    expect(JSON.stringify(event)).not.toContain(NEW_PASSWORD);
  });

  it('holds enrolment to the password rules of sign-in', async () => {
    const { session } = await t.signedIn(['admin']);
    const created = await createViaApi(t, session, 'short.pass', ['auditor']);
    const response = await redeem(t, created.token, { password: 'short' });
    expect(response.status).toBe(400);
    expect((await response.json()).errors.map((e: { field: string }) => e.field)).toEqual(['password']);
    expect((await redeem(t, created.token)).status).toBe(200);
  });

  it('refuses a taken username with 409 naming the field, and creates nothing', async () => {
    const { session } = await t.signedIn(['admin']);
    await t.request('POST', '/api/staff', { session, body: newStaff('dupe') });
    const before = await staffCount();
    const response = await t.request('POST', '/api/staff', { session, body: newStaff('DUPE') });
    expect(response.status).toBe(409);
    expect((await response.json()).errors).toEqual([{ field: 'username', message: 'already taken' }]);
    expect(await staffCount()).toBe(before);
  });

  it('names every invalid field', async () => {
    const { session } = await t.signedIn(['admin']);
    const response = await t.request('POST', '/api/staff', {
      session,
      body: { username: 'x', displayName: '', roles: ['overlord'] },
    });
    expect(response.status).toBe(400);
    const fields = (await response.json()).errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['username', 'displayName', 'roles.0']));
  });

  it('gives a role only when a second admin confirms it, from their next request on', async () => {
    const first = await t.signedIn(['admin']);
    const second = await t.signedIn(['admin']);
    const target = await t.signedIn(['reviewer']);
    const asked = await t.request('POST', `/api/staff/${target.id}/roles`, {
      session: first.session,
      body: { role: 'supervisor' },
    });
    expect(asked.status).toBe(201);
    const { changeId } = await asked.json();
    expect((await t.request('GET', '/api/access/grants', { session: target.session })).status).toBe(403);

    const confirmed = await decide(t, second.session, changeId, 'confirm');
    expect(confirmed.status).toBe(200);
    expect(await confirmed.json()).toMatchObject({
      status: 'confirmed',
      requestedBy: { id: first.id },
      decidedBy: { id: second.id },
    });
    expect((await t.request('GET', '/api/access/grants', { session: target.session })).status).toBe(200);
    expect((await t.auditEvents('staff.role_requested')).at(-1)).toMatchObject({
      actor_id: first.id,
      target_id: target.id,
      details: { role: 'supervisor', changeId },
    });
    expect((await t.auditEvents('staff.role_confirmed')).at(-1)).toMatchObject({
      actor_id: second.id,
      details: { role: 'supervisor', changeId, requestedBy: first.id },
    });
  });

  it('drops a rejected grant without giving the role', async () => {
    const first = await t.signedIn(['admin']);
    const second = await t.signedIn(['admin']);
    const created = await createViaApi(t, first.session, 'not.a.supervisor', ['supervisor']);
    const [change] = await pendingFor(t, second.session, created.id);
    expect((await decide(t, second.session, change?.id ?? '', 'reject')).status).toBe(200);
    expect(
      await t.request('GET', `/api/staff/${created.id}`, { session: second.session }).then((r) => r.json()),
    ).toMatchObject({ roles: [], pendingRoles: [] });
    expect((await decide(t, second.session, change?.id ?? '', 'confirm')).status).toBe(409);
  });

  it('removes a role at once, since that only reduces access', async () => {
    const { session } = await t.signedIn(['admin']);
    const target = await t.signedIn(['reviewer', 'supervisor']);
    const response = await t.request('DELETE', `/api/staff/${target.id}/roles/supervisor`, { session });
    expect(response.status).toBe(200);
    expect((await response.json()).roles).toEqual(['reviewer']);
    expect((await t.request('GET', '/api/access/grants', { session: target.session })).status).toBe(403);
    expect((await t.auditEvents('staff.role_removed')).at(-1)?.details).toMatchObject({ role: 'supervisor' });
  });

  it('disabling a user ends their sessions at once and blocks sign-in', async () => {
    const { session } = await t.signedIn(['admin']);
    const target = await t.signedIn(['reviewer']);
    const response = await t.request('POST', `/api/staff/${target.id}/disable`, { session });
    expect(response.status).toBe(200);
    expect((await response.json()).disabledAt).not.toBeNull();
    expect((await t.request('GET', '/api/auth/session', { session: target.session })).status).toBe(401);
    const again = await t.request('POST', '/api/auth/sign-in', {
      body: { username: target.username, password: target.password },
    });
    expect(again.status).toBe(403);
    expect((await t.auditEvents('staff.disabled')).at(-1)?.details).toEqual({ sessionsEnded: 1 });

    expect((await t.request('POST', `/api/staff/${target.id}/enable`, { session })).status).toBe(200);
    expect((await t.signIn(target.username, target.password)).userId).toBe(target.id);
  });

  it('will not let an admin disable themselves', async () => {
    const admin = await t.signedIn(['admin']);
    await t.staff(['admin']); // someone else could still administer
    const response = await t.request('POST', `/api/staff/${admin.id}/disable`, { session: admin.session });
    expect(response.status).toBe(409);
    expect((await t.request('GET', '/api/auth/session', { session: admin.session })).status).toBe(200);
  });

  it('keeps at least one active admin: the last one cannot demote themselves', async () => {
    const { session, id } = await t.signedIn(['admin', 'reviewer']);
    const others = await t.db
      .selectFrom('staff_user')
      .select('id')
      .where(sql<boolean>`'admin' = any(roles)`)
      .where('id', '!=', id)
      .where('disabled_at', 'is', null)
      .execute();
    for (const other of others) {
      expect((await t.request('POST', `/api/staff/${other.id}/disable`, { session })).status).toBe(200);
    }
    const demote = await t.request('DELETE', `/api/staff/${id}/roles/admin`, { session });
    expect(demote.status).toBe(403);
    expect((await t.request('GET', '/api/staff', { session })).status).toBe(200);
  });

  it('a reset link sets a new password chosen by its owner and ends the sessions made with the old one', async () => {
    const { session } = await t.signedIn(['admin']);
    const target = await t.signedIn(['auditor']);
    const issued = await t.request('POST', `/api/staff/${target.id}/reset-link`, { session });
    expect(issued.status).toBe(201);
    const link = await issued.json();
    expect(link.purpose).toBe('reset');
    expect(Date.parse(link.expiresAt) - Date.now()).toBeLessThanOrEqual(3600_000);
    // The old password keeps working until the link is used.
    expect((await t.signIn(target.username, target.password)).userId).toBe(target.id);

    const used = await redeem(t, link.path.split('#')[1], { password: 'brand new password' });
    expect(used.status).toBe(200);
    expect((await t.request('GET', '/api/auth/session', { session: target.session })).status).toBe(401);
    expect((await t.signIn(target.username, 'brand new password')).userId).toBe(target.id);
    const old = await t.request('POST', '/api/auth/sign-in', {
      body: { username: target.username, password: target.password },
    });
    expect(old.status).toBe(401);
    expect((await t.auditEvents('staff.password_reset')).at(-1)?.details).toMatchObject({ sessionsEnded: 2 });
  });

  it('a newer link replaces an unused older one', async () => {
    const { session } = await t.signedIn(['admin']);
    const created = await createViaApi(t, session, 'two.links', ['auditor']);
    const reset = await (await t.request('POST', `/api/staff/${created.id}/reset-link`, { session })).json();
    expect((await redeem(t, created.token)).status).toBe(410);
    expect((await redeem(t, reset.path.split('#')[1])).status).toBe(200);
  });

  it('lists staff in keyset pages and searches by name', async () => {
    const { session } = await t.signedIn(['admin']);
    for (const name of ['page-a', 'page-b', 'page-c']) await t.staff(['reviewer'], { username: name });
    const first = await (await t.request('GET', '/api/staff?q=page-&limit=2', { session })).json();
    expect(first.items.map((u: { username: string }) => u.username)).toEqual(['page-a', 'page-b']);
    expect(first.nextCursor).toBe('page-b');
    const second = await (
      await t.request('GET', `/api/staff?q=page-&limit=2&cursor=${first.nextCursor}`, { session })
    ).json();
    expect(second.items.map((u: { username: string }) => u.username)).toEqual(['page-c']);
    expect(second.nextCursor).toBeNull();
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    const { session } = await t.signedIn(['admin']);
    expect((await t.request('GET', '/api/staff/00000000-0000-4000-8000-000000000000', { session })).status).toBe(404);
    const malformed = await t.request('GET', '/api/staff/not-a-uuid', { session });
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).errors[0].field).toBe('id');
  });
});

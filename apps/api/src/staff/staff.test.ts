import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../testing/harness';

const t = useTestApp();
const newStaff = (username: string) => ({
  username,
  displayName: 'Casey Case',
  password: 'a long enough password',
  roles: ['reviewer', 'supervisor'],
});

const staffCount = () => t.count('staff_user');

describe('staff administration', () => {
  it('creates an account that can sign in with the roles given, and audits it without the password', async () => {
    const { session, id: adminId } = await t.signedIn(['admin']);
    const response = await t.request('POST', '/api/staff', { session, body: newStaff('Casey.New') });
    expect(response.status).toBe(201);
    const created = await response.json();
    expect(created).toMatchObject({ username: 'casey.new', roles: ['reviewer', 'supervisor'], disabledAt: null });
    expect(created).not.toHaveProperty('passwordHash');

    const signIn = await t.signIn('casey.new', 'a long enough password');
    expect(signIn.userId).toBe(created.id);

    const [event] = await t.auditEvents('staff.created');
    expect(event).toMatchObject({
      actor_id: adminId,
      target_id: created.id,
      details: { username: 'casey.new', roles: ['reviewer', 'supervisor'] },
    });
    expect(JSON.stringify(event)).not.toContain('a long enough password');
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
      body: { username: 'x', displayName: '', password: 'short', roles: ['overlord'] },
    });
    expect(response.status).toBe(400);
    const fields = (await response.json()).errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['username', 'displayName', 'password', 'roles.0']));
  });

  it('changes roles, and the change applies to the next request of a signed-in user', async () => {
    const { session } = await t.signedIn(['admin']);
    const target = await t.signedIn(['reviewer']);
    expect((await t.request('GET', '/api/staff', { session: target.session })).status).toBe(403);
    const response = await t.request('PATCH', `/api/staff/${target.id}`, { session, body: { roles: ['admin'] } });
    expect(response.status).toBe(200);
    expect((await t.request('GET', '/api/staff', { session: target.session })).status).toBe(200);
    const [event] = await t.auditEvents('staff.updated');
    expect(event?.details).toEqual({ changes: { roles: { from: ['reviewer'], to: ['admin'] } } });
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

  it('keeps at least one active admin', async () => {
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
    const demote = await t.request('PATCH', `/api/staff/${id}`, { session, body: { roles: ['reviewer'] } });
    expect(demote.status).toBe(409);
    expect((await demote.json()).detail).toMatch(/last active admin/);
  });

  it('setting a password ends the sessions made with the old one', async () => {
    const { session } = await t.signedIn(['admin']);
    const target = await t.signedIn(['auditor']);
    const response = await t.request('POST', `/api/staff/${target.id}/password`, {
      session,
      body: { password: 'brand new password' },
    });
    expect(response.status).toBe(204);
    expect((await t.request('GET', '/api/auth/session', { session: target.session })).status).toBe(401);
    expect((await t.signIn(target.username, 'brand new password')).userId).toBe(target.id);
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

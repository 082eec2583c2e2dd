import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../testing/harness';

const t = useTestApp({ SIGN_IN_MAX_FAILURES: '3', SIGN_IN_LOCKOUT_MINUTES: '15' });

describe('sign-in', () => {
  it('signs in with the right password and sets a strict, HttpOnly session cookie', async () => {
    const user = await t.staff(['reviewer']);
    const response = await t.request('POST', '/api/auth/sign-in', {
      body: { username: user.username, password: user.password },
    });
    expect(response.status).toBe(200);
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^docket_session=[\w-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).not.toContain('Secure'); // plain HTTP in tests
    const body = await response.json();
    expect(body.user).toMatchObject({ username: user.username, roles: ['reviewer'] });
    expect(body.permissions).toContain('claim:case');
    expect(body.permissions).not.toContain('approve:access');
    expect(await t.auditEvents('auth.signed_in')).toContainEqual(
      expect.objectContaining({ actor_id: user.id, target_id: user.id, outcome: 'success' }),
    );
  });

  it('marks the cookie Secure with the __Host- prefix when reached over HTTPS', async () => {
    const user = await t.staff(['auditor']);
    const response = await t.app.request('https://docket.example/api/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: user.username, password: user.password }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toMatch(/^__Host-docket_session=.*; Secure/);
  });

  it('stores an argon2id hash, never the password', async () => {
    const user = await t.staff(['admin']);
    const row = await t.db
      .selectFrom('staff_user')
      .select('password_hash')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row.password_hash).not.toContain(user.password);
  });

  it('answers a wrong password and an unknown user identically, and audits both', async () => {
    const user = await t.staff(['reviewer']);
    const wrong = await t.request('POST', '/api/auth/sign-in', {
      body: { username: user.username, password: 'nope nope nope' },
    });
    const unknown = await t.request('POST', '/api/auth/sign-in', {
      body: { username: 'nobody-here', password: 'nope nope nope' },
    });
    for (const response of [wrong, unknown]) {
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(response.headers.get('set-cookie')).toBeNull();
      expect(await response.json()).toMatchObject({ code: 'unauthenticated', detail: 'Wrong username or password.' });
    }
    const failures = await t.auditEvents('auth.sign_in_failed');
    expect(failures.map((e) => e.details)).toEqual(
      expect.arrayContaining([
        { username: user.username, reason: 'wrong_password' },
        { username: 'nobody-here', reason: 'unknown_user' },
      ]),
    );
  });

  it('refuses a disabled account even with the right password', async () => {
    const user = await t.staff(['reviewer'], { disabled: true });
    const response = await t.request('POST', '/api/auth/sign-in', {
      body: { username: user.username, password: user.password },
    });
    expect(response.status).toBe(403);
    expect((await response.json()).detail).toMatch(/disabled/);
    expect(
      await t.db.selectFrom('staff_session').select('token_hash').where('staff_user_id', '=', user.id).execute(),
    ).toEqual([]);
  });

  it('locks a username out after repeated failures, with a clear error and Retry-After', async () => {
    const user = await t.staff(['reviewer']);
    for (let i = 0; i < 3; i++) {
      expect(
        (await t.request('POST', '/api/auth/sign-in', { body: { username: user.username, password: 'wrong wrong' } }))
          .status,
      ).toBe(401);
    }
    const locked = await t.request('POST', '/api/auth/sign-in', {
      body: { username: user.username, password: user.password },
    });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(800);
    const problem = await locked.json();
    expect(problem).toMatchObject({
      code: 'rate_limited',
      detail: 'Too many failed sign-ins. Try again in 15 minutes.',
    });
    expect(await t.auditEvents('auth.sign_in_throttled')).toHaveLength(1);
  });

  it('never writes passwords, cookies or tokens to the logs', async () => {
    const user = await t.staff(['reviewer']);
    const session = await t.signIn(user.username, user.password);
    await t.request('GET', '/api/auth/session', { session });
    const logs = t.logLines.join('\n');
    expect(logs).toContain('"route":"/api/auth/sign-in"');
    expect(logs).not.toContain(user.password);
    expect(logs).not.toContain(session.cookie.split('=')[1]);
    expect(logs).not.toContain(session.csrfToken);
  });
});

describe('sessions', () => {
  it('returns the session with its CSRF token', async () => {
    const { session, username } = await t.signedIn(['auditor']);
    const response = await t.request('GET', '/api/auth/session', { session });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      user: { username, roles: ['auditor'] },
      csrfToken: session.csrfToken,
    });
  });

  it('ends a session that sat idle past its deadline, by the database clock', async () => {
    const { session, id } = await t.signedIn(['reviewer']);
    await t.db
      .updateTable('staff_session')
      .set({ idle_expires_at: sql`now() - interval '1 second'` })
      .where('staff_user_id', '=', id)
      .execute();
    const response = await t.request('GET', '/api/auth/session', { session });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({
      code: 'session_ended',
      detail: 'Your session has ended. Sign in again.',
    });
  });

  it('ends a session past its absolute lifetime however active it is', async () => {
    const { session, id } = await t.signedIn(['reviewer']);
    await t.db
      .updateTable('staff_session')
      .set({ absolute_expires_at: sql`now() - interval '1 second'` })
      .where('staff_user_id', '=', id)
      .execute();
    expect((await t.request('GET', '/api/auth/session', { session })).status).toBe(401);
  });

  it('extends the idle deadline on use, never past the absolute one', async () => {
    const { session, id } = await t.signedIn(['reviewer']);
    await t.db
      .updateTable('staff_session')
      .set({
        last_seen_at: sql`now() - interval '10 minutes'`,
        idle_expires_at: sql`now() + interval '5 minutes'`,
        absolute_expires_at: sql`now() + interval '10 minutes'`,
      })
      .where('staff_user_id', '=', id)
      .execute();
    expect((await t.request('GET', '/api/auth/session', { session })).status).toBe(200);
    const row = await t.db
      .selectFrom('staff_session')
      .select(['idle_expires_at', 'absolute_expires_at'])
      .where('staff_user_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.idle_expires_at.getTime()).toBe(row.absolute_expires_at.getTime());
  });

  // Disable deletes the sessions; this is the second wall, for a disable that bypassed the route.
  it('refuses a live session on the next request once its user is disabled, even if the session row survives', async () => {
    const { session, id } = await t.signedIn(['admin']);
    expect((await t.request('GET', '/api/staff', { session })).status).toBe(200);
    await t.db.updateTable('staff_user').set({ disabled_at: sql`now()` }).where('id', '=', id).execute();

    const response = await t.request('GET', '/api/staff', { session });
    expect(response.status).toBe(401);
    expect((await response.json()).code).toBe('session_ended');
    expect((await t.request('GET', '/api/auth/session', { session })).status).toBe(401);
    const rows = await t.db
      .selectFrom('staff_session')
      .select('staff_user_id')
      .where('staff_user_id', '=', id)
      .execute();
    expect(rows).toHaveLength(1); // only the lookup's own check stood between the cookie and the API
  });

  it('rejects a forged cookie', async () => {
    const response = await t.request('GET', '/api/auth/session', { headers: { cookie: 'docket_session=forged' } });
    expect(response.status).toBe(401);
  });

  it('signs out: the cookie stops working at once and the event is audited', async () => {
    const { session, id } = await t.signedIn(['reviewer']);
    const response = await t.request('POST', '/api/auth/sign-out', { session });
    expect(response.status).toBe(204);
    expect(response.headers.get('set-cookie')).toMatch(/docket_session=;.*Max-Age=0/);
    expect((await t.request('GET', '/api/auth/session', { session })).status).toBe(401);
    expect(await t.auditEvents('auth.signed_out')).toContainEqual(expect.objectContaining({ actor_id: id }));
  });
});

describe('CSRF', () => {
  it('refuses a state-changing request without the CSRF token, and changes nothing', async () => {
    const { session } = await t.signedIn(['reviewer']);
    const response = await t.request('POST', '/api/auth/sign-out', { session, csrf: null });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: 'csrf' });
    expect((await t.request('GET', '/api/auth/session', { session })).status).toBe(200);
  });

  it("refuses another session's token", async () => {
    const { session } = await t.signedIn(['reviewer']);
    const other = await t.signedIn(['reviewer']);
    const response = await t.request('POST', '/api/auth/sign-out', { session, csrf: other.session.csrfToken });
    expect(response.status).toBe(403);
    expect((await t.request('GET', '/api/auth/session', { session })).status).toBe(200);
  });

  it('refuses writes from a foreign Origin, sign-in included', async () => {
    const user = await t.staff(['reviewer']);
    const response = await t.request('POST', '/api/auth/sign-in', {
      body: { username: user.username, password: user.password },
      headers: { origin: 'https://evil.example' },
    });
    expect(response.status).toBe(403);
    expect(response.headers.get('set-cookie')).toBeNull();
  });
});

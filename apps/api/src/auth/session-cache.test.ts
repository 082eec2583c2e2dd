/**
 * Sessions cached per API process (ADR 047), across two real processes on one database: what one
 * process (or anyone, by hand) changes, the other honours on the very next request, and while the
 * other cannot hear about changes it asks the database instead of trusting its memory.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SigningKeyFile } from '../audit/signing-keys';
import { FileKeyring } from '../encryption/keyring';
import { type ApiProcess, startApiProcess } from '../testing/api-process';
import { useTestApp } from '../testing/harness';

const t = useTestApp();
let a: ApiProcess;
let b: ApiProcess;

beforeAll(async () => {
  const keysDir = mkdtempSync(path.join(tmpdir(), 'docket-session-cache-'));
  const env = {
    DATABASE_URL: t.url,
    DOCKET_KEYRING_FILE: FileKeyring.create(path.join(keysDir, 'keyring.json')).file,
    DOCKET_AUDIT_SIGNING_KEY_FILE: SigningKeyFile.create(path.join(keysDir, 'audit-signing.json')).file,
    DOCKET_DEMO: 'false',
    SESSION_CACHE_SECONDS: '60',
    AUDIT_SEAL_INTERVAL_MS: '0',
    JOBS_POLL_MS: '0',
  };
  [a, b] = await Promise.all([
    startApiProcess(env, { readyTimeoutMs: 120_000 }),
    startApiProcess(env, { readyTimeoutMs: 120_000 }),
  ]);
}, 150_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

async function signIn(api: ApiProcess, roles: Parameters<typeof t.staff>[0]) {
  const staff = await t.staff(roles);
  const response = await fetch(`${api.baseUrl}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: staff.username, password: staff.password }),
  });
  expect(response.status).toBe(200);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] as string;
  return { id: staff.id, headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' } };
}

/** What `GET /api/auth/session` answers on `api`: the status, and the roles when signed in. */
async function sessionOn(api: ApiProcess, headers: Record<string, string>) {
  const response = await fetch(`${api.baseUrl}/api/auth/session`, { headers: { cookie: headers.cookie as string } });
  const body = (await response.json()) as { user?: { roles: string[] } };
  return { status: response.status, roles: body.user?.roles };
}

/** The same session twice on `api`, so the second answer came from its memory if it keeps one. */
async function warm(api: ApiProcess, headers: Record<string, string>) {
  expect((await sessionOn(api, headers)).status).toBe(200);
  expect((await sessionOn(api, headers)).status).toBe(200);
}

describe('sessions cached in each API process', () => {
  it('answers from memory: a session removed without any announcement still works there', async () => {
    const reviewer = await signIn(a, ['reviewer']);
    await warm(b, reviewer.headers);
    // Triggers off, as only a superuser can: the one change the processes are never told about.
    await t.db.connection().execute(async (db) => {
      await sql`set session_replication_role = replica`.execute(db);
      await sql`delete from staff_session where staff_user_id = ${reviewer.id}`.execute(db);
      await sql`set session_replication_role = origin`.execute(db);
    });
    expect((await sessionOn(b, reviewer.headers)).status).toBe(200);
    // The first process never cached it after the delete: it asks the database and refuses.
    expect((await sessionOn(a, reviewer.headers)).status).toBe(401);
  });

  it('refuses a user disabled through the other process on the very next request', async () => {
    const admin = await signIn(a, ['admin']);
    const reviewer = await signIn(a, ['reviewer']);
    await warm(b, reviewer.headers);
    const disabled = await fetch(`${a.baseUrl}/api/staff/${reviewer.id}/disable`, {
      method: 'POST',
      headers: admin.headers,
    });
    expect(disabled.status).toBe(200);
    expect((await sessionOn(b, reviewer.headers)).status).toBe(401);
    const claim = await fetch(`${b.baseUrl}/api/queues/scams_spam/claim-next`, {
      method: 'POST',
      headers: reviewer.headers,
      body: '{}',
    });
    expect(claim.status).toBe(401);
  });

  it('ends a session signed out through the other process on the very next request', async () => {
    const reviewer = await signIn(a, ['reviewer']);
    await warm(b, reviewer.headers);
    const out = await fetch(`${a.baseUrl}/api/auth/sign-out`, { method: 'POST', headers: reviewer.headers });
    expect(out.status).toBeLessThan(300);
    expect((await sessionOn(b, reviewer.headers)).status).toBe(401);
  });

  it('carries a role change made by hand in the database into the next request', async () => {
    const staff = await signIn(a, ['reviewer', 'supervisor']);
    await warm(b, staff.headers);
    await sql`update staff_user set roles = '{reviewer}' where id = ${staff.id}`.execute(t.db);
    expect(await sessionOn(b, staff.headers)).toEqual({ status: 200, roles: ['reviewer'] });
    const page = await fetch(`${b.baseUrl}/api/access/requests`, { headers: { cookie: staff.headers.cookie } });
    expect(page.status).toBe(403);
  });

  it('asks the database while it cannot hear announcements, and caches again once it can', async () => {
    const reviewer = await signIn(a, ['reviewer']);
    await warm(b, reviewer.headers);
    // Cut every process's LISTEN connection; each notices and reconnects with backoff.
    await sql`select pg_terminate_backend(pid) from pg_stat_activity
      where datname = current_database() and application_name like '%-listen'`.execute(t.db);
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Changed while nobody listens, and without announcement: only asking the database finds it.
    await t.db.connection().execute(async (db) => {
      await sql`set session_replication_role = replica`.execute(db);
      await sql`update staff_user set disabled_at = now() where id = ${reviewer.id}`.execute(db);
      await sql`set session_replication_role = origin`.execute(db);
    });
    expect((await sessionOn(b, reviewer.headers)).status).toBe(401);

    const other = await signIn(a, ['reviewer']);
    await expect
      .poll(
        async () =>
          (
            await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
            where datname = current_database() and application_name like '%-listen'`.execute(t.db)
          ).rows[0]?.n,
        { timeout: 15_000 },
      )
      .toBeGreaterThanOrEqual(2);
    await warm(b, other.headers);
    expect((await sessionOn(b, other.headers)).status).toBe(200);
  });
});

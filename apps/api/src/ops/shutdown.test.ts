/**
 * SIGTERM to a real API process: it stops taking connections, tells live streams to reconnect,
 * lets the request in flight finish, gives back its job leases and exits 0 — and a request that
 * never finishes does not keep it alive past SHUTDOWN_TIMEOUT_MS.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { connect } from '@docket/db';
import { useTestDatabase } from '@docket/db/testing/vitest';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { SigningKeyFile } from '../audit/signing-keys';
import { FileKeyring } from '../encryption/keyring';
import { type ApiProcess, startApiProcess } from '../testing/api-process';

const database = useTestDatabase();

function environment(extra: Record<string, string>) {
  const keysDir = mkdtempSync(path.join(tmpdir(), 'docket-shutdown-'));
  return {
    DATABASE_URL: database.url,
    DOCKET_KEYRING_FILE: FileKeyring.create(path.join(keysDir, 'keyring.json')).file,
    DOCKET_AUDIT_SIGNING_KEY_FILE: SigningKeyFile.create(path.join(keysDir, 'audit-signing.json')).file,
    DOCKET_DEMO: 'true',
    DOCKET_DEMO_REPORTS: '0',
    AUDIT_SEAL_INTERVAL_MS: '200',
    JOBS_POLL_MS: '100',
    ...extra,
  };
}

const signIn = (api: ApiProcess) =>
  fetch(`${api.baseUrl}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'supervisor', password: 'supervisor-docket-demo' }),
  });

const exited = (api: ApiProcess) =>
  new Promise<number | null>((resolve) => {
    if (api.process.exitCode !== null) resolve(api.process.exitCode);
    else api.process.once('exit', (code) => resolve(code));
  });

/** Holds sign-ins (they insert a session) until released: a request that is surely in flight. */
async function holdSignIns() {
  const holder = await connect({ databaseUrl: database.url, poolSize: 1 });
  const trx = await holder.db.startTransaction().execute();
  await sql`lock table staff_session in share row exclusive mode`.execute(trx);
  return {
    async release() {
      await trx.commit().execute();
      await holder.close();
    },
  };
}

async function waitForSignInToBlock() {
  const watcher = await connect({ databaseUrl: database.url, poolSize: 1 });
  try {
    for (let i = 0; i < 100; i++) {
      const { rows } = await sql<{ n: string }>`
        select count(*)::text as n from pg_locks where relation = 'staff_session'::regclass and not granted`.execute(
        watcher.db,
      );
      if (Number(rows[0]?.n) > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the sign-in never reached the database');
  } finally {
    await watcher.close();
  }
}

it('finishes the request in flight, tells live streams to reconnect, gives back job leases, and exits 0', async () => {
  const api = await startApiProcess(environment({ SHUTDOWN_TIMEOUT_MS: '15000', LOG_LEVEL: 'info' }));
  try {
    const first = await signIn(api);
    const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const stream = await fetch(`${api.baseUrl}/api/access/events`, { headers: { cookie } });
    const said = stream.text();

    const held = await holdSignIns();
    const inFlight = signIn(api);
    await waitForSignInToBlock();
    const started = Date.now();
    api.process.kill('SIGTERM');
    const exit = exited(api);

    // Stopping: no new connections, and the stream was told to reconnect and ended.
    const streamText = await said;
    expect(streamText).toContain('event: ready');
    expect(streamText).toMatch(/event: reconnect\ndata: \{\}\nretry: 500/);
    await expect(fetch(`${api.baseUrl}/healthz`)).rejects.toThrow();
    // The request in flight keeps the process alive until it has its answer.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(api.process.exitCode, api.output()).toBeNull();
    await held.release();
    expect((await inFlight).status).toBe(200);

    expect(await exit).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(api.output()).toContain('"msg":"stopped"');
    const checker = await connect({ databaseUrl: database.url, poolSize: 1 });
    try {
      const leased = await checker.db
        .selectFrom('job')
        .select('id')
        .where('finished_at', 'is', null)
        .where('locked_by', 'is not', null)
        .execute();
      expect(leased).toEqual([]);
    } finally {
      await checker.close();
    }
  } finally {
    await api.stop();
  }
}, 60_000);

it('exits non-zero within SHUTDOWN_TIMEOUT_MS when a request never finishes', async () => {
  const api = await startApiProcess(environment({ SHUTDOWN_TIMEOUT_MS: '1500', LOG_LEVEL: 'error' }));
  const held = await holdSignIns();
  try {
    const inFlight = signIn(api).catch(() => null);
    await waitForSignInToBlock();
    const started = Date.now();
    api.process.kill('SIGTERM');
    expect(await exited(api)).toBe(1);
    const took = Date.now() - started;
    expect(took).toBeGreaterThanOrEqual(1_400);
    expect(took).toBeLessThan(4_000);
    expect(api.output()).toContain('shutdown took too long');
    expect(await inFlight).toBeNull();
  } finally {
    await held.release();
    await api.stop();
  }
}, 60_000);

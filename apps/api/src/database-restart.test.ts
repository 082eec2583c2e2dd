/**
 * The server survives its database: two real API processes on a PostgreSQL of the test's own,
 * which is stopped and started again under concurrent requests and open live streams.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { connect } from '@docket/db';
import {
  createTemplateDatabase,
  createTestDatabase,
  type EmbeddedServer,
  startEmbeddedServer,
} from '@docket/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ACCESS_CHANNEL } from './access/live';
import { SigningKeyFile } from './audit/signing-keys';
import { FileKeyring } from './encryption/keyring';
import { type ApiProcess, startApiProcess } from './testing/api-process';

let server: EmbeddedServer;
let databaseUrl: string;
const apis: ApiProcess[] = [];

beforeAll(async () => {
  server = await startEmbeddedServer();
  const template = await createTemplateDatabase(server.adminUrl);
  databaseUrl = (await createTestDatabase(server.adminUrl, template)).url;
  const keysDir = mkdtempSync(path.join(tmpdir(), 'docket-restart-'));
  const env = {
    DATABASE_URL: databaseUrl,
    DOCKET_KEYRING_FILE: FileKeyring.create(path.join(keysDir, 'keyring.json')).file,
    DOCKET_AUDIT_SIGNING_KEY_FILE: SigningKeyFile.create(path.join(keysDir, 'audit-signing.json')).file,
    // For the well-known demo logins.
    DOCKET_DEMO: 'true',
    DOCKET_DEMO_REPORTS: '0',
    AUDIT_SEAL_INTERVAL_MS: '200',
  };
  apis.push(...(await Promise.all([startApiProcess(env), startApiProcess(env)])));
}, 60_000);

afterAll(async () => {
  await Promise.all(apis.map((api) => api.stop()));
  await server?.stop();
});

async function signIn(api: ApiProcess, username: string): Promise<string> {
  const response = await fetch(`${api.baseUrl}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: `${username}-docket-demo` }),
  });
  expect(response.status, await response.clone().text()).toBe(200);
  return (response.headers.get('set-cookie') ?? '').split(';')[0] as string;
}

/** An open `/api/access/events` stream and everything it has said so far. */
async function openStream(api: ApiProcess, cookie: string) {
  const response = await fetch(`${api.baseUrl}/api/access/events`, { headers: { cookie } });
  expect(response.status).toBe(200);
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = '';
  void (async () => {
    for (;;) {
      const chunk = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (chunk.done) return;
      text += decoder.decode(chunk.value, { stream: true });
    }
  })();
  const said = (line: string) => text.includes(line);
  await until(() => said('event: ready\n'), 'the stream to be ready');
  return { said, close: () => reader.cancel() };
}

async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function expectAllAlive() {
  for (const api of apis) expect(api.process.exitCode, `an API process exited:\n${api.output()}`).toBeNull();
}

interface Answer {
  status: number;
  ms: number;
  type?: string;
  retryAfter: string | null;
}

/**
 * Keeps asking every process, back to back until told to stop: for the signed-in session (a
 * read), and to sign in (a transaction that stays open while the password is hashed, so the
 * database often goes away while a connection is checked out).
 */
function keepAsking(cookies: string[]) {
  const answers: Answer[] = [];
  let stopped = false;
  const ask = async (url: string, init: RequestInit) => {
    while (!stopped) {
      const started = Date.now();
      const response = await fetch(url, init).catch(() => null);
      // No answer at all (status 0): the process is gone.
      const body = (response ? await response.json() : {}) as { type?: string };
      answers.push({
        status: response?.status ?? 0,
        ms: Date.now() - started,
        type: body.type,
        retryAfter: response?.headers.get('retry-after') ?? null,
      });
    }
  };
  const signIn = {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'reviewer', password: 'reviewer-docket-demo' }),
  };
  const running = Promise.all(
    apis.flatMap((api, i) => [
      ask(`${api.baseUrl}/api/auth/session`, { headers: { cookie: cookies[i] as string } }),
      ask(`${api.baseUrl}/api/auth/session`, { headers: { cookie: cookies[i] as string } }),
      ask(`${api.baseUrl}/api/auth/sign-in`, signIn),
    ]),
  );
  return {
    answers,
    async stop() {
      stopped = true;
      await running;
    },
  };
}

it('keeps every process serving through a database restart: 503 with Retry-After meanwhile, then live events and sealing resume', async () => {
  const cookies = await Promise.all(apis.map((api) => signIn(api, 'supervisor')));
  const streams = await Promise.all(apis.map((api, i) => openStream(api, cookies[i] as string)));
  const load = keepAsking(cookies);
  await until(() => load.answers.filter((a) => a.status === 200).length >= 10, 'answers before the restart');

  await server.pause();
  const sinceStop = load.answers.length;
  await until(() => load.answers.length >= sinceStop + 20, 'answers while the database is down');
  const duringOutage = load.answers.slice(sinceStop);
  await server.resume();
  await until(() => {
    expectAllAlive();
    return load.answers.slice(-6).every((a) => a.status === 200);
  }, 'every process to serve again by itself');
  await load.stop();

  expectAllAlive();
  // A retryable outage, never a bug and never a hang.
  expect(new Set(load.answers.map((a) => a.status))).toEqual(new Set([200, 503]));
  for (const answer of duringOutage) {
    expect(answer).toMatchObject({ status: 503, type: '/problems/unavailable' });
    expect(Number(answer.retryAfter)).toBeGreaterThan(0);
    expect(answer.ms).toBeLessThan(2_000);
  }

  // The streams stayed open: each is told to resynchronise, then hears a fresh event.
  for (const stream of streams) await until(() => stream.said('event: resync\n'), 'a resync after the restart');
  const event = { type: 'access.requested', caseId: 'after-restart', staffId: 'someone' };
  const publisher = await connect({ databaseUrl, poolSize: 1 });
  try {
    await sql`select pg_notify(${ACCESS_CHANNEL}, ${JSON.stringify(event)})`.execute(publisher.db);
    for (const stream of streams) await until(() => stream.said('"caseId":"after-restart"'), 'a live event');

    // Events recorded after the restart are sealed by the processes' sealers.
    await signIn(apis[0] as ApiProcess, 'auditor');
    const signedIn = await publisher.db
      .selectFrom('audit_event')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirstOrThrow();
    await until(async () => {
      const sealed = await publisher.db
        .selectFrom('audit_seal')
        .select('seq')
        .where('event_id', '=', String(signedIn.id))
        .executeTakeFirst();
      return sealed !== undefined;
    }, 'the sign-in after the restart to be sealed');
  } finally {
    await publisher.close();
    for (const stream of streams) await stream.close();
  }
}, 60_000);

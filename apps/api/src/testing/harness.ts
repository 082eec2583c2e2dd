/** Builds a real app on the test file's own Postgres database, plus request helpers. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { useTestDatabase } from '@docket/db/testing/vitest';
import { signRequest } from '@docket/intake-client';
import type { Role } from '@docket/permissions';
import pino from 'pino';
import { beforeAll } from 'vitest';
import { runSystemAction } from '../actions/context';
import { type App, createApp } from '../app';
import { type SealOptions, sealPendingEvents } from '../audit/sealer';
import { SigningKeyFile } from '../audit/signing-keys';
import { hashPassword } from '../auth/passwords';
import { loadConfig } from '../config';
import type { AppDeps } from '../context';
import { FileKeyring } from '../encryption/keyring';
import { createServiceAccount } from '../service-accounts/service-accounts';

// biome-ignore lint/suspicious/noExplicitAny: see request()
export type TestResponse = Omit<Response, 'json'> & { json(): Promise<any> };

export interface TestSession {
  cookie: string;
  csrfToken: string;
  userId: string;
}

export function useTestApp(env: Record<string, string> = {}) {
  const database = useTestDatabase();
  const logLines: string[] = [];
  let app: App | undefined;
  let keyring: FileKeyring | undefined;
  let signingKeys: SigningKeyFile | undefined;
  let deps: AppDeps | undefined;

  beforeAll(() => {
    // Tests read counts right after changing them: no shared queue summary.
    // Decisions take effect at once unless a test gives them an undo window.
    const config = loadConfig({
      NODE_ENV: 'test',
      QUEUE_SUMMARY_MAX_AGE_SECONDS: '0',
      SESSION_CACHE_SECONDS: '0',
      DECISION_UNDO_SECONDS: '0',
      ...env,
    });
    const logger = pino(
      { level: 'info' },
      new Writable({
        write(chunk, _encoding, done) {
          logLines.push(String(chunk));
          done();
        },
      }),
    );
    const keysDir = mkdtempSync(path.join(tmpdir(), 'docket-keys-'));
    keyring = FileKeyring.create(path.join(keysDir, 'keyring.json'));
    signingKeys = SigningKeyFile.create(path.join(keysDir, 'audit-signing.json'));
    deps = { db: database.connection.db, config, logger, keyring, signingKeys, listen: database.connection.listen };
    app = createApp(deps);
  });

  const harness = {
    get db() {
      return database.connection.db;
    },
    get url() {
      return database.url;
    },
    get deps() {
      if (!deps) throw new Error('useTestApp: use inside tests');
      return deps;
    },
    get keyring() {
      if (!keyring) throw new Error('useTestApp: use inside tests');
      return keyring;
    },
    get signingKeys() {
      if (!signingKeys) throw new Error('useTestApp: use inside tests');
      return signingKeys;
    },
    get app() {
      if (!app) throw new Error('useTestApp: use inside tests');
      return app;
    },
    logLines,

    request(
      method: string,
      path: string,
      options: {
        body?: unknown;
        rawBody?: string;
        session?: TestSession;
        csrf?: string | null;
        headers?: Record<string, string>;
      } = {},
    ) {
      const headers: Record<string, string> = { ...options.headers };
      if (options.session) headers.cookie = options.session.cookie;
      const csrf = options.csrf === undefined ? options.session?.csrfToken : options.csrf;
      if (csrf) headers['x-csrf-token'] = csrf;
      let body: string | undefined = options.rawBody;
      if (options.body !== undefined) {
        body = JSON.stringify(options.body);
        headers['content-type'] ??= 'application/json';
      }
      // Tests read bodies loosely on purpose: assertions, not types, check their shape.
      return harness.app.request(path, { method, headers, body }) as Promise<TestResponse>;
    },

    /** A staff account made directly in the database (not through the API under test). */
    async staff(roles: Role[], overrides: { username?: string; password?: string; disabled?: boolean } = {}) {
      const username = overrides.username ?? `${roles.join('-')}-${Math.random().toString(36).slice(2, 8)}`;
      const password = overrides.password ?? 'correct horse battery staple';
      const row = await harness.db
        .insertInto('staff_user')
        .values({
          username,
          display_name: `Test ${username}`,
          password_hash: await hashPassword(password),
          roles,
          disabled_at: overrides.disabled ? new Date() : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { id: row.id, username, password };
    },

    async signIn(username: string, password: string): Promise<TestSession> {
      const response = await harness.request('POST', '/api/auth/sign-in', { body: { username, password } });
      if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
      const session = (await response.json()) as { csrfToken: string; user: { id: string } };
      const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      return { cookie, csrfToken: session.csrfToken, userId: session.user.id };
    },

    async signedIn(roles: Role[]) {
      const user = await harness.staff(roles);
      return { ...user, session: await harness.signIn(user.username, user.password) };
    },

    /** A platform service account made through the domain, with its one-time secret. */
    async serviceAccount(name = 'Test platform') {
      const account = await runSystemAction(harness.db, (ctx) => createServiceAccount(ctx, harness.keyring, name));
      return { id: account.id, keyId: account.keyId, secret: account.secret };
    },

    /** A request signed like a platform would sign it; `sign` lets a test tamper with any part. */
    signedPost(
      path: string,
      payload: unknown,
      credentials: { keyId: string; secret: string },
      sign: { timestamp?: number; bodyToSign?: string; secret?: string } = {},
    ) {
      const body = JSON.stringify(payload);
      const timestamp = sign.timestamp ?? Math.floor(Date.now() / 1000);
      const headers = signRequest(credentials.keyId, sign.secret ?? credentials.secret, {
        method: 'POST',
        path,
        timestamp,
        body: sign.bodyToSign ?? body,
      });
      return harness.request('POST', path, {
        rawBody: body,
        headers: { ...headers, 'content-type': 'application/json' },
      });
    },

    async count(table: 'report' | 'message' | 'case' | 'conversation' | 'platform_account' | 'staff_user') {
      const row = await harness.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /** One sealing round, as the background loop would run it. */
    seal(options?: SealOptions) {
      return sealPendingEvents(harness.db, harness.signingKeys.current(), options);
    },

    async auditEvents(action?: string) {
      let query = harness.db.selectFrom('audit_event').selectAll().orderBy('id');
      if (action) query = query.where('action', '=', action);
      return query.execute();
    },
  };
  return harness;
}

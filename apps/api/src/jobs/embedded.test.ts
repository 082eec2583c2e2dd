/** The zero-setup default: the same runner and delivery worker on embedded PGlite. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Connection, connect, migrateToLatest } from '@docket/db';
import { startTestReceiver, type TestReceiver } from '@docket/intake-client/testing';
import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { StaticKeyring } from '../encryption/keyring';
import { emitEvents, pumpUntil, registerEndpoint } from '../webhooks/test-helpers';
import { createBackgroundWork } from './background';
import { enqueueJob } from './enqueue';

const dataDir = mkdtempSync(path.join(tmpdir(), 'docket-jobs-pglite-'));
let connection: Connection;
let receiver: TestReceiver;

beforeAll(async () => {
  connection = await connect({ dataDir });
  await migrateToLatest(connection.db);
  receiver = await startTestReceiver();
}, 60_000);

afterAll(async () => {
  await receiver?.close();
  await connection?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

it('claims jobs and delivers signed events on the embedded database', async () => {
  expect(connection.kind).toBe('pglite');
  const keyring = StaticKeyring.generate();
  await registerEndpoint(connection.db, keyring, receiver);
  const eventIds = await emitEvents(
    connection.db,
    [1, 2, 3].map((n) => ({ subject: 'account:e', n })),
  );
  await connection.db.transaction().execute((trx) => enqueueJob(trx, { name: 'access.expire_requests', key: 'once' }));

  const config = loadConfig({ NODE_ENV: 'test', JOBS_POLL_MS: '10', WEBHOOK_RETRY_BASE_MS: '20' });
  const work = createBackgroundWork({ db: connection.db, keyring, logger: pino({ level: 'silent' }), config });
  await pumpUntil(
    () => work.tick(),
    () => receiver.received.length === 3,
  );

  expect(receiver.received.map((r) => r.data.n)).toEqual([1, 2, 3]);
  expect(receiver.received.map((r) => r.id)).toEqual(eventIds);
  const job = await connection.db.selectFrom('job').selectAll().where('key', '=', 'once').executeTakeFirstOrThrow();
  expect(job.outcome).toBe('done');
});

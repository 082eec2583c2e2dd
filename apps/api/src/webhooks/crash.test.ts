/**
 * At-least-once across `kill -9`: a real API process is killed mid-delivery, a second one takes
 * over once the dead claims' leases run out, and the receiver sees every event — duplicates
 * only ever with the same webhook-id, and each subject still in order.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '@docket/db/testing';
import { useTestDatabase } from '@docket/db/testing/vitest';
import { startTestReceiver } from '@docket/intake-client/testing';
import { afterAll, expect, it } from 'vitest';
import { SigningKeyFile } from '../audit/signing-keys';
import { FileKeyring } from '../encryption/keyring';
import { emitEvents, registerEndpoint } from './test-helpers';

const database = useTestDatabase();
const keysDir = mkdtempSync(path.join(tmpdir(), 'docket-crash-keys-'));
const keyring = FileKeyring.create(path.join(keysDir, 'keyring.json'));
const signingKeys = SigningKeyFile.create(path.join(keysDir, 'audit-signing.json'));
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
});

async function startApi(): Promise<ChildProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, '..', 'main.ts')], {
    cwd: path.join(import.meta.dirname, '..', '..'),
    env: {
      ...process.env,
      NODE_ENV: 'development',
      DATABASE_URL: database.url,
      DOCKET_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'docket-crash-')),
      DOCKET_KEYRING_FILE: keyring.file,
      DOCKET_AUDIT_SIGNING_KEY_FILE: signingKeys.file,
      DOCKET_DEMO: 'false',
      PORT: String(port),
      LOG_LEVEL: 'error',
      AUDIT_SEAL_INTERVAL_MS: '0',
      JOBS_POLL_MS: '20',
      JOBS_LEASE_SECONDS: '1',
      WEBHOOK_TIMEOUT_MS: '900',
      WEBHOOK_RETRY_BASE_MS: '50',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const deadline = Date.now() + 30_000;
  while (!output.includes('Docket is running')) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return child;
}

async function until(condition: () => boolean, ms: number) {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

it('loses nothing when the delivering process is killed with SIGKILL mid-delivery', async () => {
  const db = database.connection.db;
  const receiver = await startTestReceiver();
  try {
    await registerEndpoint(db, keyring, receiver);
    const subjects = ['account:1', 'account:2', 'account:3'];
    const sent = await emitEvents(
      db,
      Array.from({ length: 30 }, (_, i) => ({ subject: subjects[i % 3] ?? '', n: Math.floor(i / 3) })),
    );
    // Slow answers, and the kill waits for one to be in flight: it lands mid-delivery.
    let inFlight = 0;
    receiver.respond = async () => {
      inFlight += 1;
      await new Promise((resolve) => setTimeout(resolve, 150));
      inFlight -= 1;
      return 200;
    };

    const first = await startApi();
    await until(() => receiver.received.length >= 4 && inFlight > 0, 20_000);
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    const seenBeforeKill = receiver.received.length;
    expect(seenBeforeKill).toBeLessThan(sent.length);

    await startApi();
    await until(() => new Set(receiver.received.map((r) => r.id)).size === sent.length, 40_000);

    const ids = receiver.received.map((r) => r.id);
    expect(new Set(ids)).toEqual(new Set(sent));
    // The kill did land mid-delivery: some events arrived twice, each time under its own webhook-id.
    expect(ids.length).toBeGreaterThan(sent.length);
    for (const subject of subjects) {
      // First arrivals per subject are in order (a duplicate repeats an already seen event).
      const firsts = [...new Set(receiver.received.filter((r) => r.subject === subject).map((r) => r.data.n))];
      expect(firsts).toEqual([...Array(10).keys()]);
    }
    // Every delivery ends recorded as delivered (the last answers may still be on their way back).
    const undelivered = () =>
      db.selectFrom('webhook_delivery').select('id').where('status', '!=', 'delivered').execute();
    const deadline = Date.now() + 5_000;
    while ((await undelivered()).length > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await undelivered()).toEqual([]);
  } finally {
    await receiver.close();
  }
}, 90_000);

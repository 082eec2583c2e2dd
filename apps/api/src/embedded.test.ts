/**
 * The zero-setup default: `pnpm start` with no DATABASE_URL boots on embedded PGlite,
 * migrates, seeds the demo staff, prints the logins, and serves.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AuditStatus } from '@docket/contracts';
import { freePort } from '@docket/db/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';

const dataDir = mkdtempSync(path.join(tmpdir(), 'docket-embedded-'));
// biome-ignore lint/suspicious/noExplicitAny: assertions check the shape
const get = async (path: string): Promise<any> => (await fetch(`http://127.0.0.1:${port}${path}`)).json();
let port = 0;
/** A session cookie for one of the demo logins. */
async function demoCookie(role: string): Promise<string> {
  const signIn = await fetch(`http://127.0.0.1:${port}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: role, password: `${role}-docket-demo` }),
  });
  return (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}
let child: ChildProcess;
let output = '';

beforeAll(async () => {
  port = await freePort();
  const { DATABASE_URL: _ignored, ...env } = process.env;
  child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'main.ts')], {
    env: {
      ...env,
      DOCKET_DATA_DIR: dataDir,
      PORT: String(port),
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      DOCKET_DEMO_REPORTS: '300',
    },
    cwd: path.join(import.meta.dirname, '..'),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const deadline = Date.now() + 45_000;
  while (!output.includes('Docket is running')) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}, 60_000);

afterAll(async () => {
  child?.kill('SIGTERM');
  await new Promise((resolve) => child?.once('exit', resolve));
  rmSync(dataDir, { recursive: true, force: true });
});

it('prints the URL and one demo login per role', () => {
  expect(output).toContain(`Docket is running at http://127.0.0.1:${port}`);
  expect(output).toContain('embedded PGlite');
  for (const role of ['reviewer', 'supervisor', 'auditor', 'admin']) {
    expect(output).toMatch(new RegExp(`${role}\\s+${role}-docket-demo`));
  }
});

it('is ready, and a demo user can sign in', async () => {
  expect(await get('/readyz')).toEqual({
    status: 'ready',
    database: 'reachable',
    migrations: 'current',
    sealer: 'running',
    jobs: 'running',
  });
  const response = await fetch(`http://127.0.0.1:${port}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'admin-docket-demo' }),
  });
  expect(response.status).toBe(200);
  expect(((await response.json()) as { user: { roles: string[] } }).user.roles).toEqual(['admin']);
});

it('seals audit events in the background and verifies the chain', async () => {
  const cookie = await demoCookie('auditor');
  const deadline = Date.now() + 20_000;
  for (;;) {
    const response = await fetch(`http://127.0.0.1:${port}/api/audit/status`, { headers: { cookie } });
    const status = (await response.json()) as AuditStatus;
    if (status.sealedThrough > 0 && status.latestCheckpoint?.seq === status.sealedThrough) {
      expect(status.verification).toMatchObject({ ok: true, verifiedThrough: status.sealedThrough });
      expect(status.keys).toHaveLength(1);
      break;
    }
    if (Date.now() > deadline) throw new Error(`nothing sealed: ${JSON.stringify(status)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
});

it('serves the OpenAPI document and an offline API reference', async () => {
  const doc = await get('/openapi.json');
  expect(doc.openapi).toBe('3.1.0');
  expect(doc.paths['/api/staff'].post['x-permission']).toBe('manage:staff');
  const html = await (await fetch(`http://127.0.0.1:${port}/docs`)).text();
  expect(html).toContain('src="/docs/scalar.js"');
  expect(html).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)[^"']*\.(js|css|woff2?)/);
  expect((await fetch(`http://127.0.0.1:${port}/docs/scalar.js`)).status).toBe(200);
});

it('fills the embedded database with demo reports through the intake API', async () => {
  const deadline = Date.now() + 60_000;
  while (!output.includes('Demo data: 300 reports')) {
    if (Date.now() > deadline) throw new Error(`demo data did not arrive:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const cookie = await demoCookie('reviewer');
  const queues = (await (await fetch(`http://127.0.0.1:${port}/api/queues`, { headers: { cookie } })).json()) as {
    items: { id: string; openCases: number }[];
  };
  // Every intake queue has work; escalations fill only from reviewers' decisions, appeals from the platform's.
  const intakeQueues = queues.items.filter((queue) => !['escalations', 'appeals'].includes(queue.id));
  expect(intakeQueues.every((queue) => queue.openCases > 0)).toBe(true);
}, 90_000);

it('shows an admin the demo platform endpoint with its test event delivered, nothing configured', async () => {
  const cookie = await demoCookie('admin');
  const endpoints = (await (
    await fetch(`http://127.0.0.1:${port}/api/webhooks/endpoints`, { headers: { cookie } })
  ).json()) as {
    items: { id: string; url: string }[];
  };
  expect(endpoints.items).toHaveLength(1);
  const [endpoint] = endpoints.items;
  expect(output).toContain(`Demo platform: receiving signed events at ${endpoint?.url}`);
  // The demo receiver answers 2xx only to deliveries the standardwebhooks library verified.
  await expect
    .poll(
      async () => {
        const url = `http://127.0.0.1:${port}/api/webhooks/endpoints/${endpoint?.id}/deliveries`;
        const page = (await (await fetch(url, { headers: { cookie } })).json()) as {
          items: { eventType: string; status: string; lastStatusCode: number | null }[];
        };
        // Other events may arrive too (the witnessed audit checkpoint); the test event is the one asked for.
        return page.items.filter((item) => item.eventType === 'webhook.test');
      },
      { timeout: 20_000 },
    )
    .toEqual([expect.objectContaining({ eventType: 'webhook.test', status: 'delivered', lastStatusCode: 204 })]);
  expect(output).toMatch(/demo platform: verified test event [0-9a-f-]{36}/);
});

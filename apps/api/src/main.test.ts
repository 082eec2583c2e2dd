import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { WEBHOOK_EVENT_TYPES } from '@docket/contracts';
import { expect, it } from 'vitest';
import { DEMO_ENDPOINT_DESCRIPTION } from './demo/demo-receiver';
import { FileKeyring } from './encryption/keyring';
import { startApiProcess } from './testing/api-process';
import { aDecision, holdNewCase } from './testing/cases';
import { useTestApp } from './testing/harness';
import { aReport } from './testing/reports';

const t = useTestApp();

function startAgainstRealDatabase(env: Record<string, string>) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: path.join(import.meta.dirname, '..'),
    env: {
      ...process.env,
      DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
      DOCKET_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'docket-nokey-')),
      DOCKET_KEYRING_FILE: '',
      DOCKET_AUDIT_SIGNING_KEY_FILE: '',
      DOCKET_DEMO: 'false',
      LOG_LEVEL: 'silent',
      ...env,
    },
    encoding: 'utf8',
    timeout: 30_000,
  });
}

it('refuses to start against a real database without a configured key-encryption keyring', () => {
  const result = startAgainstRealDatabase({});
  expect(result.status).toBe(1);
  expect(result.stderr).toContain('no key-encryption key configured: set DOCKET_KEYRING_FILE');
});

it('refuses to start against a real database without a configured audit signing key', () => {
  const keyring = FileKeyring.create(path.join(mkdtempSync(path.join(tmpdir(), 'docket-keyring-')), 'keyring.json'));
  const result = startAgainstRealDatabase({ DOCKET_KEYRING_FILE: keyring.file });
  expect(result.status).toBe(1);
  expect(result.stderr).toContain('no audit signing key configured: set DOCKET_AUDIT_SIGNING_KEY_FILE');
});

it('says on a first demo start that no demo logins were made when staff already existed', async () => {
  await t.staff(['admin'], { username: 'the-real-admin' });
  const api = await startApiProcess({
    DATABASE_URL: t.url,
    DOCKET_DEMO: 'true',
    DOCKET_DEMO_REPORTS: '0',
    DOCKET_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'docket-banner-')),
  });
  try {
    await expect.poll(() => api.output(), { timeout: 10_000 }).toContain('Docket is running');
    expect(api.output()).toContain('Demo logins were not created: staff accounts already existed.');
    expect(api.output()).not.toContain('-docket-demo');
    const demoAccounts = await t.db
      .selectFrom('staff_user')
      .select('username')
      .where('username', '=', 'admin')
      .execute();
    expect(demoAccounts).toEqual([]);
  } finally {
    await api.stop();
  }
});

it('on a demo start registers the demo platform receiver and delivers it a verified test event, and keeps it on restart', async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'docket-demo-receiver-'));
  const env = { DATABASE_URL: t.url, DOCKET_DEMO: 'true', DOCKET_DEMO_REPORTS: '0', DOCKET_DATA_DIR: dataDir };
  // Earlier demo starts in this file registered theirs under other keyrings: this one starts afresh.
  await t.db.updateTable('webhook_endpoint').set({ disabled_at: new Date() }).execute();
  const demoDeliveries = () =>
    t.db
      .selectFrom('webhook_delivery as d')
      .innerJoin('webhook_endpoint as e', 'e.id', 'd.endpoint_id')
      .select(['e.id as endpointId', 'd.event_id', 'd.status', 'd.last_status_code'])
      .where('e.description', '=', DEMO_ENDPOINT_DESCRIPTION)
      .where('e.disabled_at', 'is', null)
      .orderBy('d.created_at')
      .execute();
  for (const start of [1, 2]) {
    const api = await startApiProcess(env);
    try {
      // The receiver answers 204 only to a delivery the standardwebhooks library verified.
      await expect
        .poll(async () => (await demoDeliveries()).map((d) => d.status), { timeout: 20_000 })
        .toEqual(Array(start).fill('delivered'));
      const deliveries = await demoDeliveries();
      expect(deliveries.every((d) => d.last_status_code === 204)).toBe(true);
      expect(new Set(deliveries.map((d) => d.endpointId)).size).toBe(1);
      expect(api.output()).toContain(`demo platform: verified test event ${deliveries.at(-1)?.event_id}`);
    } finally {
      await api.stop();
    }
  }
  const endpoints = await t.db
    .selectFrom('webhook_endpoint')
    .select(['id', 'event_types'])
    .where('description', '=', DEMO_ENDPOINT_DESCRIPTION)
    .where('disabled_at', 'is', null)
    .execute();
  expect(endpoints).toEqual([{ id: expect.any(String), event_types: [...WEBHOOK_EVENT_TYPES] }]);
  const registered = await t.db
    .selectFrom('audit_event')
    .select(['actor_type', 'actor_label'])
    .where('action', '=', 'webhook.endpoint_created')
    .where('target_id', '=', endpoints[0]?.id ?? '')
    .execute();
  expect(registered).toEqual([{ actor_type: 'system', actor_label: 'demo' }]);
}, 90_000);

it('on a demo start the demo platform enforces decided cases and sends an appeal back through the signed intake', async () => {
  // Earlier demo starts in this file registered receivers under other keyrings: this one starts afresh.
  await t.db.updateTable('webhook_endpoint').set({ disabled_at: new Date() }).execute();
  const api = await startApiProcess({
    DATABASE_URL: t.url,
    DOCKET_DEMO: 'true',
    DOCKET_DEMO_REPORTS: '0',
    DOCKET_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'docket-demo-loop-')),
  });
  try {
    await expect.poll(() => api.output(), { timeout: 20_000 }).toContain('demo platform: verified test event');
    // Two restricting decisions, taken the way reviewers take them; the demo platform appeals every second one.
    const platform = await t.serviceAccount();
    const reviewer = await t.signedIn(['reviewer']);
    const decisions: string[] = [];
    for (let i = 0; i < 2; i++) {
      const caseId = await holdNewCase(t, platform, reviewer.session, aReport({ category: 'harassment' }));
      const decided = await t.request('POST', `/api/cases/${caseId}/decisions`, {
        session: reviewer.session,
        body: aDecision('remove_messages', 'HR-1', 'Clear harassment after being asked to stop.'),
      });
      expect(decided.status).toBe(201);
      decisions.push((await decided.json()).id);
    }

    await expect
      .poll(() => api.output(), { timeout: 30_000 })
      .toMatch(/demo platform: account acct-reported appealed; Docket opened case [0-9a-f]{8}/);
    expect(api.output().match(/demo platform: removed messages of account acct-reported/g)).toHaveLength(2);
    // The second decision's appeal, as an appeal case in Docket, filed by the demo platform.
    const appeals = await t.db
      .selectFrom('appeal')
      .innerJoin('service_account', 'service_account.id', 'appeal.service_account_id')
      .select(['appeal.original_decision_id', 'appeal.appellant', 'service_account.name'])
      .where('appeal.original_decision_id', 'in', decisions)
      .execute();
    expect(appeals).toEqual([
      { original_decision_id: decisions[1], appellant: 'affected_user', name: expect.stringMatching(/demo/i) },
    ]);
  } finally {
    await api.stop();
  }
}, 90_000);

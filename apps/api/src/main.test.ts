import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { FileKeyring } from './encryption/keyring';
import { startApiProcess } from './testing/api-process';
import { useTestApp } from './testing/harness';

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

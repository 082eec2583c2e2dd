/**
 * A failing test must fail the command. The embedded database once swallowed the runner's exit
 * code (`pnpm test` printed "1 failed" and exited 0), so this runs a failing suite for real,
 * on the embedded server and on TEST_DATABASE_URL, under vitest and under Playwright.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '../../../..');
const vitestFixture = path.join(import.meta.dirname, 'exit-code/vitest.fixture.config.ts');
const playwrightFixture = path.join(repoRoot, 'apps/console/e2e/exit-code/playwright.fixture.config.ts');

function run(command: string, args: string[], databaseUrl: string | undefined) {
  const env = { ...process.env };
  delete env.TEST_DATABASE_URL;
  delete env.VITEST;
  delete env.VITEST_WORKER_ID;
  delete env.VITEST_POOL_ID;
  if (databaseUrl) env.TEST_DATABASE_URL = databaseUrl;
  const result = spawnSync(command, args, { cwd: repoRoot, env, encoding: 'utf8', timeout: 120_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

const servers = [
  ['the embedded server', undefined],
  ...(process.env.TEST_DATABASE_URL ? [['TEST_DATABASE_URL', process.env.TEST_DATABASE_URL] as const] : []),
] as const;

describe.each(servers)('a failing test on %s', (_name, databaseUrl) => {
  it('fails the vitest command', { timeout: 150_000 }, () => {
    const { status, output } = run('pnpm', ['exec', 'vitest', 'run', '--config', vitestFixture], databaseUrl);
    expect(output).toMatch(/1 failed/);
    expect(status).not.toBe(0);
  });

  it('fails the Playwright command', { timeout: 150_000 }, () => {
    const { status, output } = run(
      'pnpm',
      ['--filter', '@docket/console', 'exec', 'playwright', 'test', '--config', playwrightFixture],
      databaseUrl,
    );
    expect(output).toMatch(/1 failed/);
    expect(status).not.toBe(0);
  });
});

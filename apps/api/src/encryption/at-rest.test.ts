/**
 * A database dump must not contain one message body or reporter text (DESIGN §5).
 * Uses pg_dump when a version able to dump this server is installed; otherwise reads every
 * row of every table as text, which is what a dump's data section holds.
 */
import { execFileSync } from 'node:child_process';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { useTestApp } from '../testing/harness';
import { aReport } from '../testing/reports';

const t = useTestApp();

const SECRET_BODIES = ['The quiet heron meets at dawn by pier nine', 'Blue lantern code 4471 for the locker'];
const SECRET_REPORTER_TEXT = 'Reporter says the violet umbrella signal means trouble';

function pgDumpMajor(): number | null {
  try {
    const version = execFileSync('pg_dump', ['--version'], { encoding: 'utf8' });
    return Number(/(\d+)\.\d+/.exec(version)?.[1]);
  } catch {
    return null;
  }
}

async function dump(url: string): Promise<{ tool: string; text: string }> {
  const serverMajor = Number((await sql<{ v: string }>`show server_version_num`.execute(t.db)).rows[0]?.v) / 10000;
  const clientMajor = pgDumpMajor();
  if (clientMajor !== null && clientMajor >= Math.floor(serverMajor)) {
    return {
      tool: 'pg_dump',
      text: execFileSync('pg_dump', ['--no-owner', url], { encoding: 'latin1', maxBuffer: 256 * 1024 * 1024 }),
    };
  }
  const tables = await sql<{ name: string }>`
    select tablename as name from pg_tables where schemaname = 'public'`.execute(t.db);
  const parts: string[] = [];
  for (const { name } of tables.rows) {
    const rows = await sql<{ row: string }>`select t::text as row from ${sql.table(name)} t`.execute(t.db);
    parts.push(...rows.rows.map((r) => r.row));
  }
  return { tool: 'full-table text scan', text: parts.join('\n') };
}

it('keeps no message body and no reporter text in plaintext at rest', async () => {
  const platform = await t.serviceAccount();
  const report = aReport({ reporterText: SECRET_REPORTER_TEXT });
  report.messages[0]!.body = SECRET_BODIES[0] as string;
  report.messages[1]!.body = SECRET_BODIES[1] as string;
  expect((await t.signedPost('/api/intake/reports', report, platform)).status).toBe(200);

  const { tool, text } = await dump(t.url);
  expect(text.length, tool).toBeGreaterThan(1000);
  expect(text, tool).toContain(report.externalId); // the dump really holds the intake rows
  for (const secret of [...SECRET_BODIES, SECRET_REPORTER_TEXT]) {
    expect(text, `${tool} leaked "${secret}"`).not.toContain(secret);
    // Also not as hex or base64 of the plain bytes.
    expect(text).not.toContain(Buffer.from(secret).toString('hex'));
    expect(text).not.toContain(Buffer.from(secret).toString('base64').slice(0, 24));
  }
});

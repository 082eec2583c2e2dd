/**
 * What a database dump holds, for tests that look for content in one. Uses the real pg_dump when
 * a version able to dump this server is installed; otherwise reads every row of every table as
 * text, which is what a dump's data section holds. `tool` says which it was.
 */
import { execFileSync } from 'node:child_process';
import type { Database } from '@docket/db';
import { type Kysely, sql } from 'kysely';

function pgDumpMajor(): number | null {
  try {
    const version = execFileSync('pg_dump', ['--version'], { encoding: 'utf8' });
    return Number(/(\d+)\.\d+/.exec(version)?.[1]);
  } catch {
    return null;
  }
}

export async function dumpDatabase(db: Kysely<Database>, url: string): Promise<{ tool: string; text: string }> {
  // (`show` names its column after the setting: selecting it by another name read nothing.)
  const version = await sql<{ v: number }>`select current_setting('server_version_num')::int as v`.execute(db);
  const serverMajor = Number(version.rows[0]?.v) / 10000;
  const clientMajor = pgDumpMajor();
  if (clientMajor !== null && clientMajor >= Math.floor(serverMajor)) {
    return {
      tool: 'pg_dump',
      text: execFileSync('pg_dump', ['--no-owner', url], { encoding: 'latin1', maxBuffer: 256 * 1024 * 1024 }),
    };
  }
  const tables = await sql<{ name: string }>`
    select tablename as name from pg_tables where schemaname = 'public'`.execute(db);
  const parts: string[] = [];
  for (const { name } of tables.rows) {
    const rows = await sql<{ row: string }>`select t::text as row from ${sql.table(name)} t`.execute(db);
    parts.push(...rows.rows.map((r) => r.row));
  }
  return { tool: 'full-table text scan', text: parts.join('\n') };
}

/**
 * A throwaway PostgreSQL cluster of the fault harness's own (initdb into a temp folder, its own
 * port), which it may restart fast or immediate, dump and restore. Never the machine's server.
 * As root, the server runs as the `postgres` user (postgres refuses root).
 */
import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort, withAdminClient } from '@docket/db/testing';

const run = promisify(execFile);

/** Debian's server binaries (newest version), or PG_BIN. */
export function postgresBinDir(): string | null {
  const candidates = process.env.PG_BIN
    ? [process.env.PG_BIN]
    : existsSync('/usr/lib/postgresql')
      ? readdirSync('/usr/lib/postgresql')
          .sort((a, b) => Number(b) - Number(a))
          .map((version) => `/usr/lib/postgresql/${version}/bin`)
      : [];
  return (
    candidates.find((dir) =>
      ['initdb', 'pg_ctl', 'pg_dump', 'pg_restore'].every((b) => existsSync(path.join(dir, b))),
    ) ?? null
  );
}

export interface Cluster {
  port: number;
  adminUrl: string;
  url(database: string): string;
  createDatabase(name: string): Promise<void>;
  /** `pg_ctl restart -m fast|immediate`; resolves once the server accepts connections again. */
  restart(mode: 'fast' | 'immediate'): Promise<void>;
  /** `pg_dump -Fc` of one database to `file`. */
  dump(database: string, file: string): Promise<void>;
  /** `pg_restore` of a dump into a new database. */
  restore(file: string, database: string): Promise<void>;
  stop(): Promise<void>;
}

export async function startCluster(options: { maxConnections?: number } = {}): Promise<Cluster> {
  const bin = postgresBinDir();
  if (!bin) throw new Error('no PostgreSQL server binaries (set PG_BIN or apt-get install postgresql)');
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(path.join(tmpdir(), 'docket-faults-pg-'));
  const data = path.join(dir, 'data');
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    chownSync(dir, uid, gid);
  }
  /** Server-side commands as the postgres user when we are root. */
  const asServer = (command: string, args: string[]) =>
    asRoot
      ? run('runuser', ['-u', 'postgres', '--', path.join(bin, command), ...args])
      : run(path.join(bin, command), args);
  const port = await freePort();
  await asServer('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8']);
  const serverOptions = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    `-c max_connections=${options.maxConnections ?? 200}`,
    // Durability against the server's own crash (-m immediate) is what is tested: WAL reaches the
    // OS either way; skipping fsync only gives up safety against the machine's crash.
    '-c fsync=off',
    '-c shared_buffers=64MB',
  ].join(' ');
  const log = path.join(dir, 'server.log');
  const pgCtl = (args: string[]) => asServer('pg_ctl', ['-D', data, '-l', log, '-o', serverOptions, ...args]);
  await pgCtl(['-w', 'start']);
  const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const url = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  return {
    port,
    adminUrl,
    url,
    createDatabase: (name) =>
      withAdminClient(adminUrl, (client) => client.query(`create database ${name}`)).then(() => {}),
    async restart(mode) {
      await pgCtl(['-w', '-m', mode, 'restart']);
    },
    async dump(database, file) {
      await run(path.join(bin, 'pg_dump'), ['-Fc', '-f', file, '-d', url(database)]);
    },
    async restore(file, database) {
      await withAdminClient(adminUrl, (client) => client.query(`create database ${database}`));
      await run(path.join(bin, 'pg_restore'), ['--exit-on-error', '-d', url(database), file]);
    },
    async stop() {
      await pgCtl(['-w', '-m', 'immediate', 'stop']).catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

import { mkdirSync } from 'node:fs';
import path, { resolve } from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { dataDir as defaultDataDir } from './data-dir';
import { PGliteDialect } from './pglite-dialect';
import type { Database } from './schema';

// Return bigint/int8 columns (ids, counts) as strings rather than lossy numbers; xid8 too.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => value);

export type DatabaseKind = 'postgres' | 'pglite';

export interface Connection {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** Where the data lives, for log lines: the embedded folder, or the server without credentials. */
  location: string;
  close(): Promise<void>;
  /**
   * Subscribes to a Postgres NOTIFY channel on a connection of its own (LISTEN), so notifications
   * reach every API process. Returns the unsubscribe function.
   */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
}

export interface ConnectOptions {
  /** A PostgreSQL URL. When absent, an embedded PGlite database is used. */
  databaseUrl?: string | undefined;
  /** Folder for the embedded database (default `<data dir>/pglite`). */
  dataDir?: string | undefined;
  /** Pool size for a real server. */
  poolSize?: number | undefined;
  /** Told when an idle pooled connection fails (it is discarded either way). */
  onIdleError?: ((error: Error) => void) | undefined;
  /**
   * A role every connection (pooled and LISTEN) takes on as it opens, e.g. `docket_app`: the
   * login then acts with that role's privileges only. PostgreSQL servers only.
   */
  role?: string | undefined;
}

/** The one connection factory: a `pg` pool for a real server, embedded PGlite otherwise. */
export async function connect(options: ConnectOptions): Promise<Connection> {
  if (options.databaseUrl) {
    // The startup packet's `role` setting is SET ROLE before the first query, and RESET ROLE
    // (or DISCARD ALL) returns to it rather than to the login's own privileges.
    const startup = options.role ? { options: `-c role=${checkedRole(options.role)}` } : {};
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 20,
      application_name: 'docket',
      ...startup,
    });
    // An idle connection the server ends (restart, failover, a dropped test database) must not
    // crash the process: the pool discards it and the next query opens a fresh one.
    pool.on('error', (error) => options.onIdleError?.(error));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const databaseUrl = options.databaseUrl;
    const listen = async (channel: string, onPayload: (payload: string) => void) => {
      const client = new pg.Client({ connectionString: databaseUrl, application_name: 'docket-listen', ...startup });
      client.on('error', (error) => options.onIdleError?.(error));
      client.on('notification', (message) => {
        if (message.channel === channel) onPayload(message.payload ?? '');
      });
      await client.connect();
      await client.query(`listen ${quoteIdentifier(channel)}`);
      return async () => {
        await client.end();
      };
    };
    return { db, kind: 'postgres', location: describeUrl(databaseUrl), close: () => db.destroy(), listen };
  }

  if (options.role) throw new Error('a database role needs a PostgreSQL server: the embedded database is single-user');
  const dataDir = resolve(options.dataDir ?? path.join(defaultDataDir(), 'pglite'));
  mkdirSync(dataDir, { recursive: true });
  const { PGlite } = await import('@electric-sql/pglite');
  const pglite = await PGlite.create(dataDir);
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  const listen = async (channel: string, onPayload: (payload: string) => void) => pglite.listen(channel, onPayload);
  return { db, kind: 'pglite', location: dataDir, close: () => db.destroy(), listen };
}

function describeUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
}

function checkedRole(role: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(role)) throw new Error(`not a plain role name: ${JSON.stringify(role)}`);
  return role;
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

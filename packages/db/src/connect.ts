import { mkdirSync } from 'node:fs';
import path, { resolve } from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { dataDir as defaultDataDir } from './data-dir';
import { type ListenHandlers, listenAndReconnect } from './listen';
import { PGliteDialect } from './pglite-dialect';
import { prepareMarkedStatements } from './prepared';
import type { Database } from './schema';

// Return bigint/int8 columns (ids, counts) as strings rather than lossy numbers; xid8 too.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => value);

const CONNECT_TIMEOUT_MS = 5_000;

export type DatabaseKind = 'postgres' | 'pglite';

export interface Connection {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** Where the data lives, for log lines: the embedded folder, or the server without credentials. */
  location: string;
  close(): Promise<void>;
  /**
   * Subscribes to a Postgres NOTIFY channel on a connection of its own (LISTEN), so notifications
   * reach every API process; a lost connection is re-established by itself (`onResumed` says so).
   * Returns the unsubscribe function.
   */
  listen(channel: string, handlers: ListenHandlers): Promise<() => Promise<void>>;
  /** The pool's connections just now (metrics); null for the embedded database's single one. */
  poolStats(): PoolStats | null;
}

export interface PoolStats {
  /** Connections open, idle among them, requests waiting for one, and the most allowed. */
  total: number;
  idle: number;
  waiting: number;
  max: number;
}

export interface ConnectOptions {
  /** A PostgreSQL URL. When absent, an embedded PGlite database is used. */
  databaseUrl?: string | undefined;
  /** Folder for the embedded database (default `<data dir>/pglite`). */
  dataDir?: string | undefined;
  /** Pool size for a real server. */
  poolSize?: number | undefined;
  /** Told when a connection fails, pooled or LISTEN (it is discarded or re-opened either way). */
  onConnectionError?: ((error: Error) => void) | undefined;
  /**
   * A role every connection (pooled and LISTEN) takes on as it opens, e.g. `docket_app`: the
   * login then acts with that role's privileges only. PostgreSQL servers only.
   */
  role?: string | undefined;
  /** Shown in pg_stat_activity (default `docket`): name the replica, e.g. `docket/api-2`. */
  applicationName?: string | undefined;
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
      application_name: options.applicationName ?? 'docket',
      // A request waiting for a connection fails (as an outage) rather than hangs.
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      ...startup,
    });
    // A connection the server ends (restart, failover, a dropped test database) must not crash
    // the process, idle or checked out: the pool only listens while it is idle, so every client
    // gets a listener of its own. The query in flight fails; the pool discards the client.
    const onError = (error: Error) => options.onConnectionError?.(error);
    pool.on('error', onError);
    pool.on('connect', (client) => {
      client.on('error', onError);
      prepareMarkedStatements(client);
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const databaseUrl = options.databaseUrl;
    const listen = (channel: string, handlers: ListenHandlers) =>
      listenAndReconnect(
        () =>
          new pg.Client({
            connectionString: databaseUrl,
            application_name: `${options.applicationName ?? 'docket'}-listen`,
            connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
            ...startup,
          }),
        channel,
        handlers,
        onError,
      );
    const max = options.poolSize ?? 20;
    const poolStats = () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max });
    return { db, kind: 'postgres', location: describeUrl(databaseUrl), close: () => db.destroy(), listen, poolStats };
  }

  if (options.role) throw new Error('a database role needs a PostgreSQL server: the embedded database is single-user');
  const dataDir = resolve(options.dataDir ?? path.join(defaultDataDir(), 'pglite'));
  mkdirSync(dataDir, { recursive: true });
  const { PGlite } = await import('@electric-sql/pglite');
  const pglite = await PGlite.create(dataDir);
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  // In-process: the connection cannot be lost, so there is nothing to resume.
  const listen = async (channel: string, handlers: ListenHandlers) => pglite.listen(channel, handlers.onPayload);
  return { db, kind: 'pglite', location: dataDir, close: () => db.destroy(), listen, poolStats: () => null };
}

function describeUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
}

function checkedRole(role: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(role)) throw new Error(`not a plain role name: ${JSON.stringify(role)}`);
  return role;
}

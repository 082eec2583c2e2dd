/** Replicas of the real API on the harness's own PostgreSQL, behind HAProxy. */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Connection, connect } from '@docket/db';
import { freePort } from '@docket/db/testing';
import { sql } from 'kysely';
import { SigningKeyFile } from '../src/audit/signing-keys';
import { FileKeyring } from '../src/encryption/keyring';
import { type ApiProcess, startApiProcess } from '../src/testing/api-process';
import { type Balancer, startBalancer } from './balancer';
import { type Cluster, startCluster } from './postgres';

export const METRICS_TOKEN = 'fault-harness-metrics-token';
export const SEAL_INTERVAL_MS = 250;

export interface Replica {
  name: string;
  port: number;
  api: ApiProcess | null;
}

export interface Stack {
  cluster: Cluster;
  database: string;
  balancer: Balancer;
  replicas: Replica[];
  keysDir: string;
  env: Record<string, string>;
  /** For checks, beside the traffic. */
  check: Connection;
  kill(replica: Replica): void;
  /** SIGTERM, as an orchestrator stops a replica: resolves with its exit code and how long it took. */
  terminate(replica: Replica): Promise<{ code: number | null; exitMs: number }>;
  start(replica: Replica): Promise<void>;
  /** The replica whose connection holds the sealer's advisory lock just now, if any. */
  sealerHolder(): Promise<Replica | undefined>;
  stop(): Promise<void>;
}

export async function startStack(
  options: { replicas?: number; poolSize?: number; cluster?: Cluster; env?: Record<string, string> } = {},
): Promise<Stack> {
  const cluster = options.cluster ?? (await startCluster());
  const database = `docket_${Date.now().toString(36)}`;
  await cluster.createDatabase(database);
  const keysDir = mkdtempSync(path.join(tmpdir(), 'docket-faults-keys-'));
  const env: Record<string, string> = {
    DATABASE_URL: cluster.url(database),
    DATABASE_POOL_SIZE: String(options.poolSize ?? 20),
    DOCKET_KEYRING_FILE: FileKeyring.create(path.join(keysDir, 'keyring.json')).file,
    DOCKET_AUDIT_SIGNING_KEY_FILE: SigningKeyFile.create(path.join(keysDir, 'audit-signing.json')).file,
    DOCKET_DEMO: 'true',
    DOCKET_DEMO_REPORTS: '0',
    AUDIT_SEAL_INTERVAL_MS: String(SEAL_INTERVAL_MS),
    JOBS_POLL_MS: '250',
    METRICS_TOKEN,
    SHUTDOWN_TIMEOUT_MS: '5000',
    LOG_LEVEL: 'error',
    ...options.env,
  };
  const replicas: Replica[] = [];
  for (let i = 1; i <= (options.replicas ?? 3); i++) {
    replicas.push({ name: `api${i}`, port: await freePort(), api: null });
  }
  const start = async (replica: Replica) => {
    replica.api = await startApiProcess({ ...env, DOCKET_INSTANCE: replica.name }, { port: replica.port });
  };
  // The first migrates and seeds the demo staff; the others start on a current schema.
  await start(replicas[0] as Replica);
  await Promise.all(replicas.slice(1).map(start));
  const balancer = await startBalancer(replicas);
  const check = await connect({ databaseUrl: cluster.url(database), poolSize: 4 });
  return {
    cluster,
    database,
    balancer,
    replicas,
    keysDir,
    env,
    check,
    kill(replica) {
      replica.api?.process.kill('SIGKILL');
      replica.api = null;
    },
    async terminate(replica) {
      const child = replica.api?.process;
      replica.api = null;
      if (!child || child.exitCode !== null) return { code: child?.exitCode ?? null, exitMs: 0 };
      const sentAt = Date.now();
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      const code = await exited;
      return { code, exitMs: Date.now() - sentAt };
    },
    start,
    async sealerHolder() {
      const { rows } = await sql<{ application_name: string }>`
        select a.application_name from pg_locks l join pg_stat_activity a on a.pid = l.pid
        where l.locktype = 'advisory' and l.granted
          and l.objid::bigint = (hashtext('docket.audit_sealer')::bigint & 4294967295)`.execute(check.db);
      const name = rows[0]?.application_name.replace(/^docket\//, '');
      return replicas.find((r) => r.name === name);
    },
    async stop() {
      await balancer.stop();
      await Promise.all(replicas.map((r) => r.api?.stop()));
      await check.close();
      rmSync(keysDir, { recursive: true, force: true });
      if (!options.cluster) await cluster.stop();
    },
  };
}

/** The keyring and signing key files, as an operator backs them up beside the dump. */
export function backUpKeys(stack: Stack, into: string) {
  copyFileSync(stack.env.DOCKET_KEYRING_FILE as string, path.join(into, 'keyring.json'));
  copyFileSync(stack.env.DOCKET_AUDIT_SIGNING_KEY_FILE as string, path.join(into, 'audit-signing.json'));
}

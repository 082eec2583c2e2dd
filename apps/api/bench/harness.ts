/**
 * Benchmark plumbing shared by every `pnpm bench` scenario: a real API server on a fresh
 * database, and two load shapes — paced (open loop, fixed arrival rate: latency percentiles
 * that do not hide queueing) and saturated (closed loop, N clients back to back: throughput).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { connect } from '@docket/db';
import {
  createTemplateDatabase,
  createTestDatabase,
  dropDatabase,
  freePort,
  startTestServer,
} from '@docket/db/testing';
import type { Role } from '@docket/permissions';
import { sql } from 'kysely';
import { SigningKeyFile } from '../src/audit/signing-keys';
import { hashPassword } from '../src/auth/passwords';
import { FileKeyring } from '../src/encryption/keyring';
import { cpuSeconds } from './table';

export interface BenchServer {
  baseUrl: string;
  /** The server's keyring (the same file), for creating service accounts directly. */
  keyring: FileKeyring;
  /** The API process, for reading its CPU time and peak memory. */
  pid: number;
  /** A separate connection to the server's database, for setup and baselines. */
  db: Awaited<ReturnType<typeof connect>>['db'];
  /** The server's database URL, for scenarios that need connections of their own. */
  databaseUrl: string;
  /** Another API process on the same database and keys (e.g. with `JOBS_POLL_MS` to deliver). */
  startReplica(env?: Record<string, string>): Promise<ApiProcess>;
  close(): Promise<void>;
}

/**
 * Runs the API as its own process (`bench/server.ts`: the app as deployed, plus a baseline route) on a fresh database, as it
 * would be deployed: the load generator must not share the server's event loop.
 */
/**
 * `env` adds to the server's environment. Sealing is off unless a scenario asks for it
 * (`AUDIT_SEAL_INTERVAL_MS`), so each scenario measures only what it means to.
 */
export async function startBenchServer(env: Record<string, string> = {}): Promise<BenchServer> {
  const server = await startTestServer();
  const template = await createTemplateDatabase(server.adminUrl);
  const database = await createTestDatabase(server.adminUrl, template);
  const keysDir = mkdtempSync(path.join(tmpdir(), 'docket-bench-keys-'));
  const keyring = FileKeyring.create(path.join(keysDir, 'keyring.json'));
  const signingKeys = SigningKeyFile.create(path.join(keysDir, 'audit-signing.json'));
  const apiEnv = {
    DATABASE_URL: database.url,
    DOCKET_KEYRING_FILE: keyring.file,
    DOCKET_AUDIT_SIGNING_KEY_FILE: signingKeys.file,
    // Deliveries and sweeps only where a scenario asks for them.
    JOBS_POLL_MS: '0',
    ...env,
  };
  const api = await spawnApiProcess(apiEnv);
  const connection = await connect({ databaseUrl: database.url, poolSize: 60 });
  const replicas: ApiProcess[] = [];
  return {
    baseUrl: api.baseUrl,
    pid: api.pid,
    keyring,
    db: connection.db,
    databaseUrl: database.url,
    async startReplica(replicaEnv = {}) {
      const replica = await spawnApiProcess({ ...apiEnv, ...replicaEnv });
      replicas.push(replica);
      return replica;
    },
    async close() {
      await Promise.all(replicas.map((replica) => replica.stop()));
      console.log(`\n(API process used ${cpuSeconds(api.pid).toFixed(1)} s of CPU in all)`);
      await api.stop();
      await connection.close();
      await database.drop();
      await dropDatabase(server.adminUrl, template);
      await server.stop();
      rmSync(keysDir, { recursive: true, force: true });
    },
  };
}

/** Bundles the API and the bench server (`build.mjs`), so the bench runs what production runs. */
export function buildApi() {
  execFileSync(process.execPath, ['build.mjs'], { cwd: path.join(import.meta.dirname, '..'), stdio: 'inherit' });
}

export interface ApiProcess {
  baseUrl: string;
  pid: number;
  stop(): Promise<void>;
}

/** `bench/server.ts` as its own process on a free port, resolved once `/readyz` answers. */
async function spawnApiProcess(env: Record<string, string>): Promise<ApiProcess> {
  const port = await freePort();

  // BENCH_PROFILE=dir writes a CPU profile of the API process there, for finding where time goes.
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  // The bundled build (run.ts builds it first), started as `pnpm start` and the image start it: through
  // serve.sh and its Node flags (ADR 051). It execs node, so the child's pid is the API's.
  const child: ChildProcess = spawn('sh', ['serve.sh', ...profile, 'dist/bench-server.mjs'], {
    cwd: path.join(import.meta.dirname, '..'),
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      LOG_LEVEL: process.env.BENCH_SERVER_LOG_LEVEL ?? 'silent',
      DOCKET_DEMO: 'false',
      AUDIT_SEAL_INTERVAL_MS: '0',
      ...env,
    },
    stdio: ['ignore', process.env.BENCH_SERVER_LOG_LEVEL ? 'inherit' : 'ignore', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  // Generous: on a busy machine, loading the TypeScript sources alone can take a minute.
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`bench server exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error('bench server did not become ready');
    const ready = await fetch(`${baseUrl}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  return {
    baseUrl,
    pid: child.pid as number,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

/**
 * Writes out what a scenario's setup left dirty (`CHECKPOINT`) before its measured part, so the
 * measurement does not pay for the setup's writes: a million generated cases leave over a gigabyte
 * of WAL, and the checkpoints it sets off ran for minutes, into the next scenarios' latencies.
 * Needs a superuser or `pg_checkpoint`; without either it says so and measures all the same.
 */
export async function settle(server: Pick<BenchServer, 'db'>) {
  await sql`checkpoint`.execute(server.db).catch((error: Error) => {
    console.log(`  (no checkpoint before measuring: ${error.message})`);
  });
}

export function percentile(sortedMs: number[], p: number): number {
  if (sortedMs.length === 0) return Number.NaN;
  const index = Math.min(sortedMs.length - 1, Math.ceil((p / 100) * sortedMs.length) - 1);
  return sortedMs[Math.max(0, index)] as number;
}

/** Fires `operation` at `ratePerSecond` for `seconds` regardless of how slow answers are. */
export async function paced(operation: () => Promise<void>, ratePerSecond: number, seconds: number) {
  const latencies: number[] = [];
  let errors = 0;
  const total = Math.round(ratePerSecond * seconds);
  const start = performance.now();
  const inflight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / ratePerSecond;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    inflight.push(
      operation().then(
        // Measured from when the request was due, so a stalled server shows up as latency.
        () => void latencies.push(performance.now() - due),
        () => void errors++,
      ),
    );
  }
  await Promise.all(inflight);
  latencies.sort((a, b) => a - b);
  return { count: latencies.length, errors, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

/**
 * `clients` loops calling `operation` back to back for `seconds`; returns operations/second.
 * Each loop passes its own index, so a loop can act as one client (one reviewer) throughout.
 */
export async function saturated(
  operation: (client: number) => Promise<void>,
  clients: number,
  seconds: number,
  /** Ends the run early, once it says the work is done. */
  done: () => boolean = () => false,
) {
  let completed = 0;
  let errors = 0;
  const errorKinds = new Map<string, number>();
  const until = performance.now() + seconds * 1000;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      while (performance.now() < until && !done()) {
        try {
          await operation(client);
          completed++;
        } catch (error) {
          errors++;
          const kind = (error instanceof Error ? error.message : String(error)).slice(0, 120);
          errorKinds.set(kind, (errorKinds.get(kind) ?? 0) + 1);
        }
      }
    }),
  );
  return { perSecond: completed / ((performance.now() - start) / 1000), errors, errorKinds };
}

export const ms = (value: number) => `${value.toFixed(2)} ms`;

const loadAgent = new http.Agent({ keepAlive: true, maxSockets: 256 });

/**
 * The load generator's HTTP client for the saturated and paced rows: Node's own `http` over
 * kept-alive sockets. The generator shares the two cores with the API and the database, and
 * `fetch` (undici) spent ~0.3–0.5 ms of CPU per request there — as much as the API itself — where
 * this spends ~0.1 ms; pgbench and the direct-SQL baselines cost next to nothing either (ADR 056).
 * A request with a method other than GET and no body says `Content-Length: 0`, as browsers do.
 */
export function load(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; text: string }> {
  const method = options.method ?? 'GET';
  const length = method === 'GET' ? {} : { 'content-length': String(Buffer.byteLength(options.body ?? '')) };
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { agent: loadAgent, method, headers: { ...options.headers, ...length } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}

/**
 * `count` staff accounts with `roles`, made directly in the database and signed in through the
 * API: each with its id and the headers (cookie, CSRF token) its requests carry.
 */
export async function staffSessions(server: BenchServer, count: number, roles: Role[], name = 'bench') {
  const prefix = `${name}-${roles.join('-')}`;
  const password = 'bench-staff-password';
  const hash = await hashPassword(password);
  await server.db
    .insertInto('staff_user')
    .values(
      Array.from({ length: count }, (_, i) => ({
        username: `${prefix}-${i}`,
        display_name: `Bench ${roles.join(' ')} ${i}`,
        password_hash: hash,
        roles,
      })),
    )
    .execute();
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const response = await fetch(`${server.baseUrl}/api/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: `${prefix}-${i}`, password }),
      });
      const { csrfToken, user } = (await response.json()) as { csrfToken: string; user: { id: string } };
      return {
        id: user.id,
        headers: {
          cookie: (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
          'x-csrf-token': csrfToken,
          'content-type': 'application/json',
        },
      };
    }),
  );
}

/** The bench database's PostgreSQL backends: the server runs on this machine. */
async function backendPids(server: BenchServer) {
  const { rows } = await sql<{ pid: number }>`
    select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`.execute(server.db);
  return rows.map((row) => row.pid);
}

/**
 * CPU spent by everything that does the work: the API processes, their PostgreSQL backends and
 * this process (the receiver, or the client). Unlike a rate it does not depend on what else the
 * machine is running, and it says how much its cores could carry.
 */
export async function cpuCost(server: BenchServer, pids: number[]) {
  const usage = (list: number[]) => {
    const byPid = new Map<number, number>();
    for (const pid of list) {
      try {
        byPid.set(pid, cpuSeconds(pid));
      } catch {
        // a backend that has gone
      }
    }
    return byPid;
  };
  // Backends the replicas open during the run count from zero; ones that close are lost.
  const delta = (before: Map<number, number>, after: Map<number, number>) =>
    [...after].reduce((total, [pid, seconds]) => total + seconds - (before.get(pid) ?? 0), 0);
  const receiver = () => (process.cpuUsage().user + process.cpuUsage().system) / 1e6;
  const before = { api: usage(pids), postgres: usage(await backendPids(server)), receiver: receiver() };
  return {
    spent: async () => {
      const parts = {
        api: delta(before.api, usage(pids)),
        postgres: delta(before.postgres, usage(await backendPids(server))),
        receiver: receiver() - before.receiver,
      };
      return { ...parts, total: parts.api + parts.postgres + parts.receiver };
    },
  };
}

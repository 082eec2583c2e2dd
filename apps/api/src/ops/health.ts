/**
 * What a process knows about itself for `/readyz` and `/metrics` (ADR 034): whether it is
 * shutting down, the state of its background loops, and its pool. Tests that build an app
 * without them get a process that is ready whenever its database is.
 */
import { type Database, type PoolStats, pendingMigrations } from '@docket/db';
import { type Kysely, sql } from 'kysely';

/** A background loop's state. */
export interface LoopHealth {
  running: boolean;
  /** When the last round or tick ended, successful or not, or the loop started (epoch ms). */
  lastRoundAt: number;
  /** Whether the last round failed (a database outage, usually). */
  failing: boolean;
}

export interface BackgroundLoop {
  name: 'sealer' | 'jobs';
  health(): LoopHealth;
  /** A loop that has not finished a round for this long is stuck. */
  staleAfterMs: number;
}

export interface Operations {
  /** True from SIGTERM on: readiness fails, so balancers stop sending new requests here. */
  stopping(): boolean;
  /** The loops this process runs (a process may run neither: AUDIT_SEAL_INTERVAL_MS=0, JOBS_POLL_MS=0). */
  loops: BackgroundLoop[];
  poolStats(): PoolStats | null;
}

export const noOperations: Operations = { stopping: () => false, loops: [], poolStats: () => null };

type LoopState = 'running' | 'stuck' | 'stopped';

export interface Readiness {
  ready: boolean;
  body: {
    status: 'ready' | 'unavailable' | 'stopping';
    database: 'reachable' | 'unreachable';
    migrations?: 'current' | 'pending';
    sealer?: LoopState | 'off';
    jobs?: LoopState | 'off';
  };
}

/** How long readiness waits for the database: a balancer's check must never hang. */
const READY_TIMEOUT_MS = 2_000;

export function loopState(loop: BackgroundLoop, now = Date.now()): LoopState {
  const health = loop.health();
  if (!health.running) return 'stopped';
  return now - health.lastRoundAt > loop.staleAfterMs ? 'stuck' : 'running';
}

/** Ready: not stopping, the database answers, its schema is this code's, and the loops turn. */
export async function readiness(db: Kysely<Database>, ops: Operations): Promise<Readiness> {
  const loops = Object.fromEntries(ops.loops.map((loop) => [loop.name, loopState(loop)])) as Partial<
    Record<'sealer' | 'jobs', LoopState>
  >;
  const loopsOk = Object.values(loops).every((state) => state === 'running');
  const described = { sealer: loops.sealer ?? ('off' as const), jobs: loops.jobs ?? ('off' as const) };
  if (ops.stopping()) {
    return { ready: false, body: { status: 'stopping', database: 'reachable', ...described } };
  }
  let pending: string[];
  try {
    pending = await withTimeout(
      (async () => {
        await sql`select 1`.execute(db);
        return pendingMigrations(db);
      })(),
      READY_TIMEOUT_MS,
    );
  } catch {
    return { ready: false, body: { status: 'unavailable', database: 'unreachable', ...described } };
  }
  const migrations = pending.length === 0 ? 'current' : 'pending';
  const ready = migrations === 'current' && loopsOk;
  return {
    ready,
    body: { status: ready ? 'ready' : 'unavailable', database: 'reachable', migrations, ...described },
  };
}

export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

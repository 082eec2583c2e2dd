/**
 * The background job runner (ADR 025): every API process polls the `job` table, claims due jobs
 * with `FOR UPDATE SKIP LOCKED` under a lease, and runs them. A process killed mid-job leaves a
 * lease that runs out, and the next claim takes the job again: at-least-once, so handlers are
 * idempotent. Recurring work is one job per interval slot, keyed by the slot, so it runs once
 * per interval across every replica.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from '@docket/db';
import { type Kysely, sql } from 'kysely';
import type { Logger } from 'pino';
import type { LoopHealth } from '../ops/health';
import { type Backoff, backoffDelayMs } from './backoff';

export interface JobContext {
  db: Kysely<Database>;
  /** 1 on the first try. */
  attempt: number;
  /** Puts the job off until `until` (a delay, a legal hold) without spending an attempt. */
  defer(until: Date): void;
}
/** A handler may put its job off (a delay, a legal hold) without it counting as a failed attempt. */
export type JobHandler = (payload: unknown, context: JobContext) => Promise<void>;

export interface RecurringJob {
  name: string;
  everyMs: number;
}

/** Work that claims rows of its own on every tick (webhook deliveries); returns rows handled. */
export type Pump = () => Promise<number>;

export interface RunnerOptions {
  db: Kysely<Database>;
  logger: Logger;
  handlers: Record<string, JobHandler>;
  recurring?: RecurringJob[];
  pumps?: Pump[];
  pollMs: number;
  leaseMs: number;
  batchSize?: number;
  backoff?: Backoff;
}

export interface JobRunner {
  /** Runs one tick now; resolves with the number of jobs and pumped rows handled. */
  tick(): Promise<number>;
  /** Starts polling: ticks back to back while there is work, every `pollMs` otherwise. */
  start(): void;
  /** Ends the loop once the tick in flight has finished, and gives back any lease still held. */
  stop(): Promise<void>;
  /** Whether the loop runs, and when a tick last ended (readiness, metrics). */
  health(): LoopHealth;
}

const DEFAULT_BACKOFF: Backoff = { baseMs: 5_000, capMs: 60 * 60_000 };

export function createJobRunner(options: RunnerOptions): JobRunner {
  const { db, logger, handlers } = options;
  const worker = randomUUID();
  const names = Object.keys(handlers);

  // The slot each recurring job was last scheduled for here: a tick writes only when a new
  // interval begins, not on every poll.
  const scheduled = new Map<string, number>();
  async function scheduleRecurring() {
    const now = Date.now();
    for (const job of options.recurring ?? []) {
      const slot = Math.floor(now / job.everyMs) * job.everyMs;
      if (scheduled.get(job.name) === slot) continue;
      const runAt = new Date(slot);
      await db
        .insertInto('job')
        .values({ name: job.name, key: `${job.name}@${runAt.toISOString()}`, run_at: runAt, max_attempts: 1 })
        .onConflict((oc) => oc.column('key').doNothing())
        .execute();
      scheduled.set(job.name, slot);
    }
  }

  async function claim() {
    if (names.length === 0) return [];
    return db.transaction().execute(async (trx) => {
      const due = await trx
        .selectFrom('job')
        .select('id')
        .where('finished_at', 'is', null)
        .where('name', 'in', names)
        .where('run_at', '<=', sql<Date>`now()`)
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', sql<Date>`now()`)]))
        .orderBy('run_at')
        .limit(options.batchSize ?? 10)
        .forUpdate()
        .skipLocked()
        .execute();
      if (due.length === 0) return [];
      return trx
        .updateTable('job')
        .set((eb) => ({
          attempts: eb('attempts', '+', 1),
          locked_by: worker,
          locked_until: sql<Date>`now() + make_interval(secs => ${options.leaseMs / 1000})`,
        }))
        .where(
          'id',
          'in',
          due.map((row) => row.id),
        )
        .returning(['id', 'name', 'payload', 'attempts', 'max_attempts'])
        .execute();
    });
  }

  async function run(job: Awaited<ReturnType<typeof claim>>[number]) {
    const handler = handlers[job.name];
    const mine = db.updateTable('job').where('id', '=', job.id).where('locked_by', '=', worker);
    try {
      let deferredTo: Date | undefined;
      const defer = (until: Date) => {
        deferredTo = until;
      };
      await handler?.(job.payload, { db, attempt: job.attempts, defer });
      const runAt = deferredTo;
      await mine
        .set(
          runAt
            ? (eb) => ({
                run_at: runAt,
                attempts: eb('attempts', '-', 1),
                locked_until: null,
                locked_by: null,
              })
            : { finished_at: sql<Date>`now()`, outcome: 'done', locked_until: null },
        )
        .execute();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      logger.warn({ job: job.name, attempt: job.attempts, err: message }, 'job failed');
      const last = job.attempts >= job.max_attempts;
      const delay = backoffDelayMs(job.attempts, options.backoff ?? DEFAULT_BACKOFF);
      await mine
        .set(
          last
            ? {
                finished_at: sql<Date>`now()`,
                outcome: 'failed',
                locked_until: null,
                last_error: message.slice(0, 500),
              }
            : {
                run_at: new Date(Date.now() + delay),
                locked_until: null,
                locked_by: null,
                last_error: message.slice(0, 500),
              },
        )
        .execute();
    }
  }

  async function tick(): Promise<number> {
    await scheduleRecurring();
    const jobs = await claim();
    await Promise.all(jobs.map(run));
    let pumped = 0;
    for (const pump of options.pumps ?? []) pumped += await pump();
    return jobs.length + pumped;
  }

  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> = Promise.resolve();
  let lastRoundAt = Date.now();
  let failing = false;
  const loop = async () => {
    let busy = false;
    failing = false;
    try {
      busy = (await tick()) > 0;
    } catch (error) {
      failing = true;
      logger.error({ err: error instanceof Error ? error.message : String(error) }, 'job runner tick failed');
    }
    lastRoundAt = Date.now();
    // Back to back while there is work, so a backlog drains at full speed.
    if (!stopped) timer = setTimeout(start, busy ? 0 : options.pollMs);
  };
  const start = () => {
    inFlight = loop();
  };

  return {
    tick,
    start() {
      lastRoundAt = Date.now();
      timer = setTimeout(start, 0);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await inFlight;
      // Nothing of ours should be leased now; if a tick was cut short, the next replica need
      // not wait out the lease.
      await db
        .updateTable('job')
        .set({ locked_until: null, locked_by: null })
        .where('locked_by', '=', worker)
        .where('finished_at', 'is', null)
        .execute()
        .catch((error: Error) => logger.warn({ err: error.message }, 'could not give back job leases'));
    },
    health: () => ({ running: !stopped && timer !== undefined, lastRoundAt, failing }),
  };
}

import { useTestDatabase } from '@docket/db/testing/vitest';
import { sql } from 'kysely';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { backoffDelayMs } from './backoff';
import { enqueueJob } from './enqueue';
import { createJobRunner } from './runner';

const database = useTestDatabase();
const logger = pino({ level: 'silent' });

function runner(
  handlers: Parameters<typeof createJobRunner>[0]['handlers'],
  extra: Partial<Parameters<typeof createJobRunner>[0]> = {},
) {
  return createJobRunner({ db: database.connection.db, logger, handlers, pollMs: 10, leaseMs: 1_000, ...extra });
}

describe('job runner', () => {
  it('runs a job enqueued in a committed transaction once, and never one whose transaction rolled back', async () => {
    const ran: unknown[] = [];
    const db = database.connection.db;
    await db.transaction().execute((trx) => enqueueJob(trx, { name: 'note', key: 'note:1', payload: { n: 1 } }));
    await db
      .transaction()
      .execute(async (trx) => {
        await enqueueJob(trx, { name: 'note', key: 'note:2', payload: { n: 2 } });
        throw new Error('rolled back');
      })
      .catch(() => {});
    // The same key again is the same job: enqueuing is idempotent.
    const again = await db.transaction().execute((trx) => enqueueJob(trx, { name: 'note', key: 'note:1' }));
    expect(again).toBe(false);

    const jobs = runner({ note: async (payload) => void ran.push(payload) });
    await jobs.tick();
    await jobs.tick();
    expect(ran).toEqual([{ n: 1 }]);
  });

  it('runs recurring work once per interval however many runners tick', async () => {
    let runs = 0;
    const handlers = { 'count.tick': async () => void runs++ };
    const recurring = [{ name: 'count.tick', everyMs: 60 * 60_000 }];
    const runners = [runner(handlers, { recurring }), runner(handlers, { recurring }), runner(handlers, { recurring })];
    await Promise.all(runners.map((r) => r.tick()));
    await Promise.all(runners.map((r) => r.tick()));
    expect(runs).toBe(1);
  });

  it('takes a job again once the lease of a process that died holding it has run out', async () => {
    const db = database.connection.db;
    await db.transaction().execute((trx) => enqueueJob(trx, { name: 'orphan', key: 'orphan:1' }));
    // What a kill -9 mid-job leaves behind: a claim nobody will finish.
    await db
      .updateTable('job')
      .set({ locked_by: 'dead-process', locked_until: sql<Date>`now() + interval '300 milliseconds'`, attempts: 1 })
      .where('key', '=', 'orphan:1')
      .execute();
    let ran = 0;
    const jobs = runner({ orphan: async () => void ran++ });
    await jobs.tick();
    expect(ran).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 400));
    await jobs.tick();
    expect(ran).toBe(1);
    const row = await db.selectFrom('job').selectAll().where('key', '=', 'orphan:1').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ outcome: 'done', attempts: 2 });
  });

  it('retries a failing job later, then gives up at its limit', async () => {
    const db = database.connection.db;
    await db.transaction().execute((trx) => enqueueJob(trx, { name: 'flaky', key: 'flaky:1', maxAttempts: 2 }));
    const jobs = runner(
      {
        flaky: async () => {
          throw new Error('upstream unavailable');
        },
      },
      { backoff: { baseMs: 50, capMs: 50 } },
    );
    const beforeTick = Date.now();
    await jobs.tick();
    const waiting = await db.selectFrom('job').selectAll().where('key', '=', 'flaky:1').executeTakeFirstOrThrow();
    expect(waiting).toMatchObject({ attempts: 1, outcome: null, last_error: 'upstream unavailable' });
    // Put off by at least the jittered backoff's floor (half of 50 ms), from when it failed.
    expect(waiting.run_at.getTime()).toBeGreaterThanOrEqual(beforeTick + 25);
    await new Promise((resolve) => setTimeout(resolve, 80));
    await jobs.tick();
    const failed = await db.selectFrom('job').selectAll().where('key', '=', 'flaky:1').executeTakeFirstOrThrow();
    expect(failed).toMatchObject({ attempts: 2, outcome: 'failed' });
  });

  it('backs off exponentially with jitter, never below half the doubled delay nor above the cap', () => {
    const backoff = { baseMs: 1_000, capMs: 30_000 };
    expect([1, 2, 3, 4].map((n) => backoffDelayMs(n, backoff, () => 0))).toEqual([500, 1_000, 2_000, 4_000]);
    expect([1, 2, 3, 4].map((n) => backoffDelayMs(n, backoff, () => 1))).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(backoffDelayMs(20, backoff, () => 1)).toBe(30_000);
  });
});

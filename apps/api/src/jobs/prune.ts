/**
 * Finished jobs are kept for a while (the trail of what ran, and each key's idempotency), then
 * deleted: recurring sweeps alone add a row per interval slot, and the table would grow forever.
 * Failed jobs stay until someone looks at them.
 */
import type { Database } from '@docket/db';
import { type Kysely, sql } from 'kysely';

export const PRUNE_JOB = 'jobs.prune';
const PRUNE_EVERY_MS = 60 * 60_000;
/** Rows one run deletes at most, so a first run after a long time stays a short transaction. */
const PRUNE_BATCH = 10_000;

export const pruneRecurring = { name: PRUNE_JOB, everyMs: PRUNE_EVERY_MS };

/** Deletes jobs done more than `keepDays` ago by the database's clock; returns how many. */
export async function pruneFinishedJobs(db: Kysely<Database>, keepDays: number): Promise<number> {
  const result = await sql`
    delete from job where id in (
      select id from job
      where outcome = 'done' and finished_at < now() - make_interval(days => ${keepDays})
      limit ${PRUNE_BATCH})`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

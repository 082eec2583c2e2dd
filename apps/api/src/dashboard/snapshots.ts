/**
 * Queue history for the dashboard: once per interval slot, every queue's live counts are
 * recorded, so depth and age "over time" are what the team saw then, not a reconstruction.
 * A slot's row is written once (the slot is the key), so a job that runs twice adds nothing.
 */
import type { Database } from '@docket/db';
import { type Kysely, sql } from 'kysely';

export const QUEUE_SNAPSHOT_JOB = 'dashboard.snapshot_queues';

/** Records every queue's counts for the slot `now()` falls in; returns the rows written. */
export async function snapshotQueues(db: Kysely<Database>, everyMs: number): Promise<number> {
  const result = await sql`
    insert into queue_snapshot (slot_at, queue_id, open_cases, in_review, sla_breached, oldest_opened_at)
    select date_bin(make_interval(secs => ${everyMs / 1000}), now(), timestamptz '1970-01-01 00:00:00+00'),
           q.id,
           count(c.id),
           count(c.id) filter (where c.lease_expires_at > now()),
           count(c.id) filter (where c.sla_due_at < now()),
           min(c.opened_at)
    from queue q
    left join "case" c on c.queue_id = q.id and c.status = 'open'
    group by q.id
    on conflict (slot_at, queue_id) do nothing`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** Deletes snapshots older than `keepDays` by the database clock. */
export async function pruneQueueSnapshots(db: Kysely<Database>, keepDays: number): Promise<number> {
  const result = await db
    .deleteFrom('queue_snapshot')
    .where('slot_at', '<', sql<Date>`now() - make_interval(days => ${keepDays})`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

import type { Category, QueueSummaryList } from '@docket/contracts';
import type { Database } from '@docket/db';
import { type Kysely, sql } from 'kysely';

/** Every queue with its live counts, judged by the database clock. */
export async function summariseQueues(db: Kysely<Database>): Promise<QueueSummaryList> {
  const rows = await db
    .selectFrom('queue as q')
    .leftJoin('case as c', (join) => join.onRef('c.queue_id', '=', 'q.id').on('c.status', '=', 'open'))
    .select([
      'q.id',
      'q.name',
      'q.categories',
      'q.sla_minutes',
      sql<number>`count(c.id)::int`.as('open_cases'),
      sql<Date | null>`min(c.opened_at)`.as('oldest_opened_at'),
      sql<number>`(count(c.id) filter (where c.sla_due_at < now()))::int`.as('sla_breaches'),
      sql<Date>`now()`.as('as_of'),
    ])
    .groupBy('q.id')
    .orderBy('q.position')
    .execute();
  return {
    asOf: (rows[0]?.as_of ?? new Date()).toISOString(),
    items: rows.map((row) => ({
      id: row.id,
      name: row.name,
      categories: row.categories as Category[],
      slaMinutes: row.sla_minutes,
      openCases: row.open_cases,
      oldestOpenedAt: row.oldest_opened_at?.toISOString() ?? null,
      slaBreaches: row.sla_breaches,
    })),
  };
}

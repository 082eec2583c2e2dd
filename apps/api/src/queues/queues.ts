import type { Category, QueueSettingsList, QueueSummaryList } from '@docket/contracts';
import type { Database } from '@docket/db';
import { type Kysely, sql } from 'kysely';
import type { ActionContext } from '../actions/context';
import { AppError } from '../http/problem';

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
      'q.required_role',
      sql<number>`count(c.id)::int`.as('open_cases'),
      sql<Date | null>`min(c.opened_at)`.as('oldest_opened_at'),
      sql<number>`(count(c.id) filter (where c.sla_due_at < now()))::int`.as('sla_breaches'),
      sql<number>`(count(c.id) filter (where c.lease_expires_at > now()))::int`.as('in_review'),
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
      inReview: row.in_review,
      requiredRole: row.required_role,
    })),
  };
}

/** Admins shape the queues; a category in several queues routes to the first by position. */
export async function saveQueue(
  ctx: ActionContext,
  id: string,
  body: { name: string; categories: Category[]; slaMinutes: number; position: number },
  mode: 'create' | 'update',
): Promise<void> {
  const { trx } = ctx;
  const values = {
    name: body.name,
    categories: body.categories,
    sla_minutes: body.slaMinutes,
    position: body.position,
  };
  if (mode === 'create') {
    const inserted = await trx
      .insertInto('queue')
      .values({ id, ...values })
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) {
      throw new AppError('conflict', `A queue "${id}" exists.`, { errors: [{ field: 'id', message: 'taken' }] });
    }
  } else {
    const updated = await trx.updateTable('queue').set(values).where('id', '=', id).executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw new AppError('not_found', `No queue "${id}".`);
  }
  await ctx.emit({
    action: mode === 'create' ? 'queue.created' : 'queue.updated',
    target: { type: 'queue', id },
    details: values,
  });
}

export async function queueSettings(db: Kysely<Database>): Promise<QueueSettingsList> {
  const rows = await db
    .selectFrom('queue')
    .select(['id', 'name', 'categories', 'sla_minutes', 'position', 'required_role'])
    .orderBy('position')
    .orderBy('id')
    .execute();
  return {
    items: rows.map((row) => ({
      id: row.id,
      name: row.name,
      categories: row.categories as Category[],
      slaMinutes: row.sla_minutes,
      position: row.position,
      requiredRole: row.required_role,
    })),
  };
}

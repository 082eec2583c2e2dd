/** The retention schedule a legal officer sees: days per category and what is due next. */
import { CATEGORIES, type RetentionSchedule } from '@docket/contracts';
import type { Database } from '@docket/db';
import { type Kysely, sql } from 'kysely';
import { heldByPreservation, type RetentionDays, retainedUntil } from './shred';

const UPCOMING = 50;

export async function retentionSchedule(db: Kysely<Database>, days: RetentionDays): Promise<RetentionSchedule> {
  const upcoming = await sql<{ conversation_id: string; destroy_at: Date; held: boolean }>`
    select c.id as conversation_id, ${heldByPreservation} as held,
      (select max(${retainedUntil(days)}) from "case" k where k.conversation_id = c.id) as destroy_at
    from conversation c
    where c.dek_wrapped is not null
      and exists (select 1 from "case" k where k.conversation_id = c.id)
      and not exists (select 1 from "case" k where k.conversation_id = c.id and k.status <> 'decided')
    order by destroy_at, c.id
    limit ${UPCOMING}`.execute(db);
  const destroyed = await db
    .selectFrom('conversation')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('content_destroyed_at', 'is not', null)
    .where('dek_wrapped', 'is', null)
    .executeTakeFirstOrThrow();
  return {
    categories: CATEGORIES.map((category) => ({ category, days: days[category] })),
    upcoming: upcoming.rows.map((row) => ({
      conversationId: row.conversation_id,
      destroyAt: new Date(row.destroy_at).toISOString(),
      held: row.held,
    })),
    destroyed: destroyed.n,
  };
}

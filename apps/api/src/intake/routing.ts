/** Which queue a report lands in, and how its category ranks against another. */
import { CATEGORIES, type Category, URGENT_CATEGORIES } from '@docket/contracts';
import type { Database, QueueRow } from '@docket/db';
import type { Kysely } from 'kysely';

export type QueueRoute = Pick<QueueRow, 'id' | 'categories' | 'sla_minutes' | 'position'>;

export async function loadQueues(db: Kysely<Database>): Promise<QueueRoute[]> {
  return db.selectFrom('queue').select(['id', 'categories', 'sla_minutes', 'position']).orderBy('position').execute();
}

/** The first queue (by position) that takes the category; the last queue catches the rest. */
export function queueFor(queues: readonly QueueRoute[], category: Category): QueueRoute {
  const queue = queues.find((q) => q.categories.includes(category)) ?? queues.at(-1);
  if (!queue) throw new Error('no queues are configured');
  return queue;
}

/** Lower rank is more severe: the order of DESIGN §3's category list. */
export const categoryRank = (category: Category) => CATEGORIES.indexOf(category);

export const isUrgent = (category: Category) => URGENT_CATEGORIES.includes(category);

export function mostSevere(categories: Iterable<Category>): Category {
  let worst: Category | undefined;
  for (const category of categories) {
    if (worst === undefined || categoryRank(category) < categoryRank(worst)) worst = category;
  }
  if (!worst) throw new Error('no categories');
  return worst;
}

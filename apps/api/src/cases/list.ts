import type { CaseList } from '@docket/contracts';
import type { Database } from '@docket/db';
import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import { CursorPart, decodeCursor, encodeCursor, microsecondText } from '../http/keyset';
import { selectCases, toCaseSummary } from './summary';

const CaseKey = z.object({ priority: CursorPart.integer, openedAt: CursorPart.time, id: CursorPart.id });

/** Keyset pages in queue order (priority, then age), filtered by queue, status and holding. */
export async function listCases(
  db: Kysely<Database>,
  query: {
    queueId?: string | undefined;
    held?: 'true' | 'false' | undefined;
    status?: string | undefined;
    cursor?: string | undefined;
    limit: number;
  },
): Promise<CaseList> {
  let select = selectCases(db)
    .select(microsecondText('c.opened_at').as('opened_key'))
    .where('c.status', '=', (query.status ?? 'open') as 'open')
    // -priority, as the keyset compares it and the index holds it (20261206T130100).
    .orderBy(sql`-c.priority`)
    .orderBy('c.opened_at')
    .orderBy('c.id')
    .limit(query.limit + 1);
  if (query.queueId) select = select.where('c.queue_id', '=', query.queueId);
  if (query.held === 'true')
    select = select.where(sql<boolean>`c.assignee_id is not null and c.lease_expires_at > now()`);
  if (query.held === 'false')
    select = select.where(sql<boolean>`(c.assignee_id is null or c.lease_expires_at <= now())`);
  if (query.cursor) {
    const cursor = decodeCursor(query.cursor, CaseKey);
    select = select.where(
      sql<boolean>`(-c.priority, c.opened_at, c.id) > (${-cursor.priority}, ${cursor.openedAt}::timestamptz, ${cursor.id}::uuid)`,
    );
  }
  const rows = await select.execute();
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(toCaseSummary),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor({ priority: last.priority, openedAt: last.opened_key, id: last.id })
        : null,
  };
}

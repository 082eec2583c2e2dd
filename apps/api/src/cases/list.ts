import type { CaseList } from '@docket/contracts';
import type { Database } from '@docket/db';
import { type Kysely, sql } from 'kysely';
import { AppError } from '../http/problem';
import { selectCases, toCaseSummary } from './summary';

interface Cursor {
  priority: number;
  openedAt: string;
  id: string;
}

const encode = (cursor: Cursor) => Buffer.from(JSON.stringify(cursor)).toString('base64url');

function decode(value: string): Cursor {
  try {
    const cursor = JSON.parse(Buffer.from(value, 'base64url').toString()) as Cursor;
    if (typeof cursor.priority === 'number' && typeof cursor.openedAt === 'string' && typeof cursor.id === 'string')
      return cursor;
  } catch {}
  throw new AppError('invalid', 'The cursor is not one this API issued.', {
    errors: [{ field: 'cursor', message: 'malformed' }],
  });
}

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
    // Microseconds, as stored: a millisecond JavaScript Date would repeat rows across pages.
    .select(sql<string>`to_char(c.opened_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('opened_key'))
    .where('c.status', '=', (query.status ?? 'open') as 'open')
    .orderBy('c.priority', 'desc')
    .orderBy('c.opened_at')
    .orderBy('c.id')
    .limit(query.limit + 1);
  if (query.queueId) select = select.where('c.queue_id', '=', query.queueId);
  if (query.held === 'true')
    select = select.where(sql<boolean>`c.assignee_id is not null and c.lease_expires_at > now()`);
  if (query.held === 'false')
    select = select.where(sql<boolean>`(c.assignee_id is null or c.lease_expires_at <= now())`);
  if (query.cursor) {
    const cursor = decode(query.cursor);
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
        ? encode({ priority: last.priority, openedAt: last.opened_key, id: last.id })
        : null,
  };
}

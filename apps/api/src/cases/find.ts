/**
 * Finding cases: any queue's cases by status, category, urgency, minors, holding, report source,
 * SLA state and age, in one of four orders, in keyset pages; and search by case id, account id
 * or handle, external report id or conversation id. Case metadata only, never content.
 */
import { CASE_SORTS, type CaseFindQuery, type CaseFindResult, type CaseSort } from '@docket/contracts';
import type { Database } from '@docket/db';
import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import { CursorPart, decodeCursor, encodeCursor, microsecondText } from '../http/keyset';
import { AppError } from '../http/problem';
import { selectCases, toCaseSummary } from './summary';

type Query = z.output<typeof CaseFindQuery>;

const FindKey = z.object({
  sort: z.enum(CASE_SORTS),
  priority: CursorPart.integer,
  at: CursorPart.time,
  id: CursorPart.id,
});

const AGE_INTERVAL = { under_1h: '1 hour', over_1h: '1 hour', over_24h: '24 hours', over_7d: '7 days' } as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The accounts a search term names: by id, or by handle with or without a leading @. */
export function accountsNamed(db: Kysely<Database>, term: string) {
  const handle = term.replace(/^@/, '');
  return db
    .selectFrom('platform_account')
    .select(['id', 'handle'])
    .where((eb) => eb.or([eb('id', '=', term), eb('handle', '=', handle)]))
    .limit(10);
}

export async function findCases(db: Kysely<Database>, query: Query): Promise<CaseFindResult> {
  const sortColumn = query.sort === 'sla' ? 'c.sla_due_at' : 'c.opened_at';
  let select = selectCases(db)
    .select(['c.decided_at', microsecondText(sortColumn).as('sort_key')])
    .limit(query.limit + 1);
  select = orderBy(select, query.sort);

  if (query.queueId) select = select.where('c.queue_id', '=', query.queueId);
  if (query.status !== 'any') select = select.where('c.status', '=', query.status);
  if (query.category) select = select.where('c.category', '=', query.category);
  if (query.urgent) select = select.where('c.urgent', '=', query.urgent === 'true');
  if (query.minors) select = select.where('c.involves_minor', '=', query.minors === 'true');
  if (query.held === 'true')
    select = select.where(sql<boolean>`c.assignee_id is not null and c.lease_expires_at > now()`);
  if (query.held === 'false')
    select = select.where(sql<boolean>`(c.assignee_id is null or c.lease_expires_at <= now())`);
  if (query.sla === 'overdue') select = select.where(sql<boolean>`c.status <> 'decided' and c.sla_due_at <= now()`);
  if (query.sla === 'on_time') select = select.where(sql<boolean>`(c.status = 'decided' or c.sla_due_at > now())`);
  if (query.age) {
    const interval = AGE_INTERVAL[query.age];
    select =
      query.age === 'under_1h'
        ? select.where(sql<boolean>`c.opened_at > now() - ${interval}::interval`)
        : select.where(sql<boolean>`c.opened_at <= now() - ${interval}::interval`);
  }
  if (query.source) {
    const source = query.source;
    select = select.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('report as r')
          .select(sql`1`.as('one'))
          .whereRef('r.case_id', '=', 'c.id')
          .where('r.source', '=', source),
      ),
    );
  }

  let accounts: CaseFindResult['accounts'] = [];
  if (query.q) {
    const term = query.q;
    accounts = await accountsNamed(db, term).execute();
    const accountIds = accounts.map((account) => account.id);
    // One list of candidate case ids, each from its own index, rather than an OR of subqueries,
    // which the planner answers by filtering every case (the case-list bench).
    const byCase = db.selectFrom('case').select('id as case_id');
    const byReport = db.selectFrom('report').select('case_id');
    const candidates = [
      ...(UUID.test(term) ? [byCase.where('id', '=', term)] : []),
      byCase.where('conversation_id', '=', term),
      byReport.where('external_id', '=', term),
      ...(accountIds.length > 0
        ? [byReport.where('reported_account_id', 'in', accountIds), byReport.where('reporter_id', 'in', accountIds)]
        : []),
    ];
    const [first, ...rest] = candidates;
    if (first)
      select = select.where(
        'c.id',
        'in',
        rest.reduce((union, next) => union.unionAll(next), first),
      );
  }

  if (query.cursor) {
    const cursor = decodeCursor(query.cursor, FindKey);
    if (cursor.sort !== query.sort)
      throw new AppError('invalid', 'The cursor belongs to another order.', {
        errors: [{ field: 'cursor', message: 'from another sort' }],
      });
    select = select.where(after(query.sort, cursor));
  }

  const rows = await select.execute();
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({ ...toCaseSummary(row), decidedAt: row.decided_at?.toISOString() ?? null })),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor({ sort: query.sort, priority: last.priority, at: last.sort_key, id: last.id })
        : null,
    accounts,
  };
}

type FindSelect = ReturnType<typeof selectCases>;

function orderBy<S extends FindSelect>(select: S, sort: CaseSort): S {
  switch (sort) {
    case 'priority':
      // -priority, as the keyset compares it and the index holds it (20261206T130100).
      return select.orderBy(sql`-c.priority`).orderBy('c.opened_at').orderBy('c.id') as S;
    case 'oldest':
      return select.orderBy('c.opened_at').orderBy('c.id') as S;
    case 'newest':
      return select.orderBy('c.opened_at', 'desc').orderBy('c.id', 'desc') as S;
    case 'sla':
      return select.orderBy('c.sla_due_at').orderBy('c.id') as S;
  }
}

/** Rows after the cursor in the same order (row comparisons, so an index walks straight there). */
function after(sort: CaseSort, cursor: z.infer<typeof FindKey>) {
  const at = sql`${cursor.at}::timestamptz`;
  const id = sql`${cursor.id}::uuid`;
  switch (sort) {
    case 'priority':
      return sql<boolean>`(-c.priority, c.opened_at, c.id) > (${-cursor.priority}, ${at}, ${id})`;
    case 'oldest':
      return sql<boolean>`(c.opened_at, c.id) > (${at}, ${id})`;
    case 'newest':
      return sql<boolean>`(c.opened_at, c.id) < (${at}, ${id})`;
    case 'sla':
      return sql<boolean>`(c.sla_due_at, c.id) > (${at}, ${id})`;
  }
}

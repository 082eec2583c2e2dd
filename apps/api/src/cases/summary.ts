/** The case row as the API shows it: one query shape shared by every case route. */
import type { CaseSummary, Category } from '@docket/contracts';
import type { Database } from '@docket/db';
import type { Kysely } from 'kysely';

export const LEASE_MINUTES = 10;

export function selectCases(db: Kysely<Database>) {
  // The holder's names come from subqueries, not a join: a join lets the planner, which cannot
  // count the rows a keyset comparison leaves, join and sort a whole queue before its LIMIT; a
  // subquery runs only for the rows a page returns (the case-list bench, 20261206T130100).
  return db
    .selectFrom('case as c')
    .select((eb) => [
      eb
        .selectFrom('staff_user as h')
        .select('h.username')
        .whereRef('h.id', '=', 'c.assignee_id')
        .as('holder_username'),
      eb
        .selectFrom('staff_user as h')
        .select('h.display_name')
        .whereRef('h.id', '=', 'c.assignee_id')
        .as('holder_display_name'),
    ])
    .select([
      'c.id',
      'c.queue_id',
      'c.status',
      'c.category',
      'c.urgent',
      'c.involves_minor',
      'c.report_count',
      'c.priority',
      'c.opened_at',
      'c.sla_due_at',
      'c.assignee_id',
      'c.lease_expires_at',
      'c.conversation_id',
    ]);
}

export type CaseSummaryRow = Awaited<ReturnType<ReturnType<typeof selectCases>['executeTakeFirstOrThrow']>>;

export function toCaseSummary(row: CaseSummaryRow): CaseSummary {
  return {
    id: row.id,
    queueId: row.queue_id,
    status: row.status,
    category: row.category as Category,
    urgent: row.urgent,
    involvesMinor: row.involves_minor,
    reportCount: row.report_count,
    priority: row.priority,
    openedAt: row.opened_at.toISOString(),
    slaDueAt: row.sla_due_at.toISOString(),
    assignee:
      row.assignee_id && row.holder_username
        ? {
            id: row.assignee_id,
            username: row.holder_username,
            displayName: row.holder_display_name ?? row.holder_username,
          }
        : null,
    leaseExpiresAt: row.lease_expires_at?.toISOString() ?? null,
  };
}

export async function caseSummary(db: Kysely<Database>, caseId: string): Promise<CaseSummary | undefined> {
  const row = await selectCases(db).where('c.id', '=', caseId).executeTakeFirst();
  return row ? toCaseSummary(row) : undefined;
}

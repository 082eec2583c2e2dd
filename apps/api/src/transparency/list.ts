/** The statement submissions an auditor or admin sees: newest first, with the Database's verdict. */
import type { TdbSubmission, TdbSubmissionPage, TdbSubmissionStatus } from '@docket/contracts';
import type { Database } from '@docket/db';
import type { Kysely } from 'kysely';

export async function listTdbSubmissions(
  db: Kysely<Database>,
  query: { status?: TdbSubmissionStatus | undefined; limit: number },
  enabled: boolean,
): Promise<TdbSubmissionPage> {
  let select = db
    .selectFrom('tdb_submission as t')
    .innerJoin('decision as d', 'd.id', 't.decision_id')
    .selectAll('t')
    .select('d.case_id')
    .orderBy('t.created_at', 'desc')
    .orderBy('t.decision_id')
    .limit(query.limit);
  if (query.status) select = select.where('t.status', '=', query.status);
  const [rows, counts] = await Promise.all([
    select.execute(),
    db
      .selectFrom('tdb_submission')
      .select(['status', db.fn.countAll<string>().as('count')])
      .groupBy('status')
      .execute(),
  ]);
  const iso = (date: Date | null) => date?.toISOString() ?? null;
  const items = rows.map(
    (row): TdbSubmission => ({
      decisionId: row.decision_id,
      caseId: row.case_id,
      puid: row.puid,
      status: row.status,
      attempts: row.attempts,
      lastAttemptAt: iso(row.last_attempt_at),
      nextAttemptAt: row.status === 'pending' ? iso(row.next_attempt_at) : null,
      lastError: row.last_error,
      errors: row.errors,
      redactions: row.redactions,
      tdbUuid: row.tdb_uuid,
      acceptedAt: iso(row.accepted_at),
      createdAt: row.created_at.toISOString(),
    }),
  );
  const count = (status: TdbSubmissionStatus) => Number(counts.find((c) => c.status === status)?.count ?? 0);
  return {
    enabled,
    counts: { pending: count('pending'), accepted: count('accepted'), rejected: count('rejected') },
    items,
  };
}

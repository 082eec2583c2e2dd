/** The supervisors' inbox: pending requests with what an approver should weigh beside each. */
import type { PendingAccessRequest } from '@docket/contracts';
import type { Database } from '@docket/db';
import { type Kysely, sql } from 'kysely';
import { selectCases, toCaseSummary } from '../cases/summary';
import { type RequestQueryRow, selectRequests, toAccessRequest } from './requests';

/**
 * Pending requests, oldest first, each with its case, its requester's last 30 days (made,
 * approved, denied), and the newest revocation of the requester's access to that case: someone
 * a supervisor cut off asks again through here, and the approver should know it.
 */
export async function pendingAccessRequests(db: Kysely<Database>): Promise<PendingAccessRequest[]> {
  const rows = (await selectRequests(db)
    .where('r.status', '=', 'pending')
    .where('r.pending_until', '>', sql<Date>`now()`)
    .orderBy('r.created_at')
    .limit(200)
    .execute()) as RequestQueryRow[];
  if (rows.length === 0) return [];
  const requesters = [...new Set(rows.map((row) => row.requester_id))];
  const caseIds = [...new Set(rows.map((row) => row.case_id))];
  const [history, cases, revocations] = await Promise.all([
    db
      .selectFrom('access_request')
      .select([
        'requester_id',
        sql<number>`count(*)::int`.as('made'),
        sql<number>`(count(*) filter (where status = 'approved'))::int`.as('approved'),
        sql<number>`(count(*) filter (where status = 'denied'))::int`.as('denied'),
      ])
      .where('requester_id', 'in', requesters)
      .where('created_at', '>', sql<Date>`now() - interval '30 days'`)
      .groupBy('requester_id')
      .execute(),
    selectCases(db).where('c.id', 'in', caseIds).execute(),
    db
      .selectFrom('access_grant as g')
      .innerJoin('staff_user as s', 's.id', 'g.revoked_by')
      .select(['g.id', 'g.case_id', 'g.grantee_id', 'g.revoked_at', 'g.revoke_reason'])
      .select(['s.id as by_id', 's.username', 's.display_name'])
      .where('g.case_id', 'in', caseIds)
      .where('g.grantee_id', 'in', requesters)
      .where('g.revoked_at', 'is not', null)
      .orderBy('g.revoked_at', 'desc')
      .execute(),
  ]);
  const byRequester = new Map(
    history.map((h) => [h.requester_id, { made: h.made, approved: h.approved, denied: h.denied }]),
  );
  const caseById = new Map(cases.map((row) => [row.id, toCaseSummary(row)]));
  const revocation = new Map<string, PendingAccessRequest['previousRevocation']>();
  for (const g of revocations) {
    const key = `${g.case_id}:${g.grantee_id}`;
    if (revocation.has(key) || !g.revoked_at) continue; // newest first: keep the first seen
    revocation.set(key, {
      grantId: g.id,
      revokedAt: g.revoked_at.toISOString(),
      revokedBy: { id: g.by_id, username: g.username, displayName: g.display_name },
      reason: g.revoke_reason,
    });
  }
  return rows.flatMap((row) => {
    const summary = caseById.get(row.case_id);
    return summary
      ? [
          {
            ...toAccessRequest(row),
            case: summary,
            requesterHistory: byRequester.get(row.requester_id) ?? { made: 0, approved: 0, denied: 0 },
            previousRevocation: revocation.get(`${row.case_id}:${row.requester_id}`) ?? null,
          },
        ]
      : [];
  });
}

/**
 * Access reviews: every grant in a period with what justified it, who allowed it, what was read
 * under it and what was decided — and one grant's whole trail, request to decision. Auditors
 * see message ids, never message content.
 */
import type { AccessReviewList, AccessReviewQuery, GrantReview, GrantTrace } from '@docket/contracts';
import type { Database } from '@docket/db';
import { type Kysely, sql } from 'kysely';
import type { z } from 'zod';
import { grantIsLive } from '../access/liveness';
import { decodeTimeCursor, encodeTimeCursor, microsecondText } from '../http/keyset';
import { AppError } from '../http/problem';
import { selectAuditEvents, toAuditEvent } from './search';

function selectGrantReviews(db: Kysely<Database>) {
  return (
    db
      .selectFrom('access_grant as g')
      .innerJoin('staff_user as grantee', 'grantee.id', 'g.grantee_id')
      .leftJoin('access_request as r', 'r.id', 'g.request_id')
      .leftJoin('staff_user as approver', 'approver.id', 'r.decided_by')
      .leftJoin('staff_user as reviewer', 'reviewer.id', 'g.reviewed_by')
      .select([
        'g.id',
        'g.request_id',
        'g.case_id',
        'g.grantee_id',
        'grantee.username as grantee_username',
        'g.break_glass',
        'g.break_glass_justification',
        'r.justification_code',
        'r.justification',
        'r.requested_minutes',
        'r.created_at as requested_at',
        'r.decided_by',
        'approver.username as approver_username',
        'g.scope',
        'g.starts_at',
        'g.expires_at',
        'g.revoked_at',
        'g.review_outcome',
        'g.reviewed_by',
        'reviewer.username as reviewer_username',
        'g.reviewed_at',
        'g.review_note',
        microsecondText('g.starts_at').as('starts_key'),
        'g.end_reason',
        // A grant whose holder let the lease lapse reads as ended before the sweep records it.
        sql<string>`case when g.revoked_at is not null then 'revoked' when ${grantIsLive} then 'live'
        when g.end_reason = 'expired' or (g.ended_at is null and g.expires_at <= now()) then 'expired'
        else 'ended' end`.as('status'),
        // Each grant's reads come from its own slice of the (grant_id, id) index.
        sql<number>`(select count(*)::int from audit_event e where e.grant_id = g.id and e.action = 'conversation.read')`.as(
          'reads',
        ),
        sql<number>`(select count(distinct m)::int from audit_event e,
        jsonb_array_elements_text(e.details -> 'messageIds') m
        where e.grant_id = g.id and e.action = 'conversation.read')`.as('messages_read'),
      ])
      // The legal desk reviews legal grants with their request (ADR 032); this review is of case access.
      .where('g.legal_request_id', 'is', null)
      .$narrowType<{ case_id: string }>()
  );
}

type ReviewRow = Awaited<ReturnType<ReturnType<typeof selectGrantReviews>['execute']>>[number];

async function toGrantReviews(db: Kysely<Database>, rows: ReviewRow[]): Promise<GrantReview[]> {
  const decisions = rows.length
    ? await db
        .selectFrom('decision as d')
        .innerJoin('staff_user as u', 'u.id', 'd.decided_by')
        .select(['d.id', 'd.grant_id', 'd.action', 'd.policy_code', 'd.decided_at', 'd.decided_by', 'u.username'])
        .where(
          'd.grant_id',
          'in',
          rows.map((row) => row.id),
        )
        .orderBy('d.decided_at')
        .execute()
    : [];
  return rows.map((row) => ({
    grantId: row.id,
    caseId: row.case_id,
    grantee: { id: row.grantee_id, username: row.grantee_username },
    breakGlass: row.break_glass,
    justificationCode: (row.justification_code as GrantReview['justificationCode']) ?? null,
    justification: row.justification ?? row.break_glass_justification ?? '',
    requestedMinutes: row.requested_minutes,
    requestedAt: row.requested_at?.toISOString() ?? null,
    approver: row.decided_by && row.approver_username ? { id: row.decided_by, username: row.approver_username } : null,
    scope: row.scope,
    startsAt: row.starts_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    revokedAt: row.revoked_at?.toISOString() ?? null,
    status: row.status as GrantReview['status'],
    endReason: row.end_reason,
    breakGlassReview:
      row.review_outcome && row.reviewed_by && row.reviewer_username && row.reviewed_at
        ? {
            outcome: row.review_outcome,
            by: { id: row.reviewed_by, username: row.reviewer_username },
            at: row.reviewed_at.toISOString(),
            note: row.review_note,
          }
        : null,
    reads: row.reads,
    messagesRead: row.messages_read,
    decisions: decisions
      .filter((d) => d.grant_id === row.id)
      .map((d) => ({
        id: d.id,
        action: d.action,
        policyCode: d.policy_code,
        decidedAt: d.decided_at.toISOString(),
        by: { id: d.decided_by, username: d.username },
      })),
  }));
}

/** Grants that started in [from, to), newest first, in keyset pages. */
export async function accessReview(
  db: Kysely<Database>,
  query: z.output<typeof AccessReviewQuery>,
): Promise<AccessReviewList> {
  let select = selectGrantReviews(db)
    .where('g.starts_at', '>=', new Date(query.from))
    .where('g.starts_at', '<', new Date(query.to));
  if (query.breakGlass) select = select.where('g.break_glass', '=', query.breakGlass === 'true');
  if (query.cursor) {
    const { at, id } = decodeTimeCursor(query.cursor);
    select = select.where(sql<boolean>`(g.starts_at, g.id) < (${at}::timestamptz, ${id}::uuid)`);
  }
  const rows = await select
    .orderBy('g.starts_at', 'desc')
    .orderBy('g.id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: await toGrantReviews(db, page),
    nextCursor: rows.length > query.limit && last ? encodeTimeCursor(last.starts_key, last.id) : null,
  };
}

/** One grant's trail: its request, the approval, every read (with message ids), what was decided. */
export async function traceGrant(db: Kysely<Database>, grantId: string): Promise<GrantTrace> {
  const row = await selectGrantReviews(db).where('g.id', '=', grantId).executeTakeFirst();
  if (!row) throw new AppError('not_found', 'No grant with that id.');
  const [grant] = (await toGrantReviews(db, [row])) as [GrantReview];
  const requestId = row.request_id;
  const events = await selectAuditEvents(db)
    .where((eb) =>
      requestId
        ? eb.or([
            eb('e.grant_id', '=', grantId),
            eb.and([eb('e.target_type', '=', 'access_request'), eb('e.target_id', '=', requestId)]),
          ])
        : eb('e.grant_id', '=', grantId),
    )
    .orderBy('e.id')
    .limit(5000)
    .execute();
  return { grant, events: events.map(toAuditEvent) };
}

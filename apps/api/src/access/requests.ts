/**
 * Access requests: a reviewer asks, with a justification, for a time-limited view of a case's
 * conversation; a different supervisor approves (perhaps for less) or denies with a reason.
 * Nobody approves their own request, whatever roles they hold.
 */
import type { AccessPolicy, AccessRequest, AccessRequestBody, AccessScope } from '@docket/contracts';
import type { AccessRequestRow, Database } from '@docket/db';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { ActionContext } from '../actions/context';
import { lockHeldCase } from '../cases/claims';
import { AppError } from '../http/problem';

/** A duration outside the deployment's limits, as a 400 on the field that carries it. */
export function checkDuration(minutes: number, min: number, max: number, what: string): void {
  if (minutes >= min && minutes <= max) return;
  throw new AppError('invalid', `${what} must be between ${min} and ${max} minutes.`, {
    errors: [{ field: 'durationMinutes', message: `between ${min} and ${max} minutes` }],
  });
}

export function selectRequests(db: Kysely<Database>) {
  return db
    .selectFrom('access_request as r')
    .innerJoin('staff_user as u', 'u.id', 'r.requester_id')
    .leftJoin('access_grant as g', 'g.request_id', 'r.id')
    .selectAll('r')
    .select(['u.username', 'u.display_name', 'g.id as grant_id']);
}

export type RequestQueryRow = AccessRequestRow & { username: string; display_name: string; grant_id: string | null };

export function toAccessRequest(row: RequestQueryRow): AccessRequest {
  return {
    id: row.id,
    caseId: row.case_id,
    conversationId: row.conversation_id,
    requester: { id: row.requester_id, username: row.username, displayName: row.display_name },
    justificationCode: row.justification_code as AccessRequest['justificationCode'],
    justification: row.justification,
    scope: row.scope,
    requestedMinutes: row.requested_minutes,
    status: row.status,
    createdAt: row.created_at.toISOString(),
    pendingUntil: row.pending_until.toISOString(),
    decidedAt: row.decided_at?.toISOString() ?? null,
    decisionReason: row.decision_reason,
    grantId: row.grant_id,
  };
}

export async function getAccessRequest(db: Kysely<Database>, id: string): Promise<AccessRequest> {
  const row = await selectRequests(db).where('r.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', 'No access request with that id.');
  return toAccessRequest(row as RequestQueryRow);
}

export async function fileAccessRequest(
  ctx: ActionContext,
  caseId: string,
  requesterId: string,
  body: AccessRequestBody,
  policy: AccessPolicy,
): Promise<AccessRequest> {
  const { trx } = ctx;
  checkDuration(body.durationMinutes, policy.minMinutes, policy.maxMinutes, 'The requested duration');
  const held = await lockHeldCase(trx, caseId, requesterId);
  const inserted = await trx
    .insertInto('access_request')
    .values({
      case_id: caseId,
      conversation_id: held.conversation_id,
      requester_id: requesterId,
      justification_code: body.justificationCode,
      justification: body.justification,
      scope: JSON.stringify(body.scope),
      requested_minutes: body.durationMinutes,
      pending_until: sql<Date>`now() + make_interval(hours => ${policy.pendingHours})`,
    })
    .onConflict((oc) => oc.columns(['case_id', 'requester_id']).where('status', '=', 'pending').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) throw new AppError('conflict', 'You already have an open access request for this case.');
  await ctx.emit({
    action: 'access.requested',
    live: { staffId: requesterId, requestId: inserted.id },
    target: { type: 'access_request', id: inserted.id },
    caseId,
    details: { justificationCode: body.justificationCode, scope: body.scope, durationMinutes: body.durationMinutes },
  });
  return getAccessRequest(trx, inserted.id);
}

const LAPSED = 'This request lapsed unanswered at its deadline; the requester may file a new one.';

async function lockPending(trx: Transaction<Database>, id: string) {
  const row = await trx.selectFrom('access_request').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw new AppError('not_found', 'No access request with that id.');
  if (row.status === 'expired') throw new AppError('expired', LAPSED);
  if (row.status !== 'pending') throw new AppError('conflict', `This request is already ${row.status}.`);
  return row;
}

/**
 * Settles a pending request in the one statement that also checks its deadline by the database
 * clock, so a request past it is refused whether or not anything has marked it expired yet.
 */
async function settlePending(
  trx: Transaction<Database>,
  id: string,
  change: { status: 'approved' | 'denied' | 'cancelled'; decided_by?: string; decision_reason?: string },
) {
  const settled = await trx
    .updateTable('access_request')
    .set({ ...change, decided_at: sql`now()` })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .where('pending_until', '>', sql<Date>`now()`)
    .returning('id')
    .executeTakeFirst();
  if (!settled) throw new AppError('expired', LAPSED);
}

/** The messages a reported_context scope covers as it is issued: every reported one ± `context` in send order. */
async function reportedContextIds(trx: Transaction<Database>, caseId: string, conversationId: string, context: number) {
  const { rows } = await sql<{ ids: string[] | null }>`
    with reported as (
      select distinct unnest(r.reported_message_ids) as id from report r where r.case_id = ${caseId}
    ), ordered as (
      select m.id, row_number() over (order by m.sent_at, m.id) as n, m.id in (select id from reported) as reported
      from message m where m.conversation_id = ${conversationId}
    )
    select array_agg(o.id order by o.n) as ids from ordered o
    where exists (select 1 from ordered a where a.reported and abs(a.n - o.n) <= ${context})`.execute(trx);
  return rows[0]?.ids ?? [];
}

export async function cancelAccessRequest(ctx: ActionContext, id: string, requesterId: string) {
  const { trx } = ctx;
  const row = await lockPending(trx, id);
  if (row.requester_id !== requesterId) throw new AppError('forbidden', 'Only the requester can cancel a request.');
  await settlePending(trx, id, { status: 'cancelled' });
  await ctx.emit({
    live: { staffId: requesterId, requestId: id },
    action: 'access.cancelled',
    target: { type: 'access_request', id },
    caseId: row.case_id,
  });
  return getAccessRequest(trx, id);
}

/** A narrower scope is the same kind with less (fewer neighbours, a window inside the window) or any scope under full. */
function narrows(requested: AccessScope, approved: AccessScope): boolean {
  if (requested.kind === 'full_conversation') return true;
  if (requested.kind === 'reported_context' && approved.kind === 'reported_context') {
    return approved.context <= requested.context;
  }
  if (requested.kind === 'time_window' && approved.kind === 'time_window') {
    return (
      Date.parse(approved.from) >= Date.parse(requested.from) && Date.parse(approved.to) <= Date.parse(requested.to)
    );
  }
  return false;
}

export async function approveAccessRequest(
  ctx: ActionContext,
  id: string,
  supervisorId: string,
  changes: { durationMinutes?: number | undefined; scope?: AccessScope | undefined },
  policy: AccessPolicy,
): Promise<AccessRequest> {
  const { trx } = ctx;
  const row = await lockPending(trx, id);
  if (row.requester_id === supervisorId) throw new AppError('forbidden', 'Nobody approves their own access request.');
  const minutes = changes.durationMinutes ?? row.requested_minutes;
  if (minutes > row.requested_minutes) {
    throw new AppError('invalid', 'An approval may shorten the requested duration, never extend it.', {
      errors: [{ field: 'durationMinutes', message: `at most ${row.requested_minutes}` }],
    });
  }
  // The minimum binds approvals too: a request filed under an older, lower minimum is granted at least today's.
  checkDuration(minutes, policy.minMinutes, row.requested_minutes, 'The approved duration');
  const scope = changes.scope ?? row.scope;
  if (!narrows(row.scope, scope)) {
    throw new AppError('invalid', 'An approval may narrow the requested scope, never widen it.', {
      errors: [{ field: 'scope', message: 'wider than requested' }],
    });
  }
  await settlePending(trx, id, { status: 'approved', decided_by: supervisorId });
  // The scope is fixed as issued: reports filed later never widen what the supervisor approved.
  const messageIds =
    scope.kind === 'reported_context'
      ? await reportedContextIds(trx, row.case_id, row.conversation_id, scope.context)
      : null;
  const grant = await trx
    .insertInto('access_grant')
    .values({
      request_id: id,
      case_id: row.case_id,
      conversation_id: row.conversation_id,
      grantee_id: row.requester_id,
      scope: JSON.stringify(scope),
      message_ids: messageIds,
      expires_at: sql<Date>`now() + make_interval(mins => ${minutes})`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.emit({
    live: { staffId: row.requester_id, requestId: id, grantId: grant.id },
    action: 'access.approved',
    target: { type: 'access_request', id },
    caseId: row.case_id,
    grantId: grant.id,
    details: {
      // The code travels with each outcome, so a report counts approvals by code from the outcome alone.
      justificationCode: row.justification_code,
      durationMinutes: minutes,
      scope,
      shortened: minutes < row.requested_minutes,
      narrowed: JSON.stringify(scope) !== JSON.stringify(row.scope),
    },
  });
  return getAccessRequest(trx, id);
}

export async function denyAccessRequest(
  ctx: ActionContext,
  id: string,
  supervisorId: string,
  reason: string,
): Promise<AccessRequest> {
  const { trx } = ctx;
  const row = await lockPending(trx, id);
  if (row.requester_id === supervisorId) throw new AppError('forbidden', 'Nobody decides their own access request.');
  await settlePending(trx, id, { status: 'denied', decided_by: supervisorId, decision_reason: reason });
  await ctx.emit({
    live: { staffId: row.requester_id, requestId: id },
    action: 'access.denied',
    target: { type: 'access_request', id },
    caseId: row.case_id,
    details: { justificationCode: row.justification_code, reason },
  });
  return getAccessRequest(trx, id);
}

/** The caller's newest request on a case, whatever its state. */
export async function ownLatestRequest(db: Kysely<Database>, caseId: string, requesterId: string) {
  const row = await selectRequests(db)
    .where('r.case_id', '=', caseId)
    .where('r.requester_id', '=', requesterId)
    .orderBy('r.created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? toAccessRequest(row as RequestQueryRow) : null;
}

/**
 * Claim-next: the best claimable case in a queue, or the one this reviewer already holds there.
 * One statement (ADR 049) reads the queue's role, gives back the skipped case, takes the best
 * unheld case or the best one whose lease ran out — each branch reads the top of its own partial
 * index, however long the queue — and writes the audit event; `for update skip locked` hands
 * concurrent claimers different cases without waiting on one another. Its guards make a refusal
 * (no queue, the wrong role, skipping a case not held) write nothing at all.
 *
 * Whoever stops holding a case loses their grants on it (`endGrantsOnCase`: `access.ended`, a
 * notice scheduled), in the claim's own transaction. So when the skipped case, or a lapsed case
 * taken over, still has grants of its holder's, the statement writes nothing either and the claim
 * runs again in a transaction that ends them.
 */
import type { CaseSummary } from '@docket/contracts';
import { type Database, prepared } from '@docket/db';
import type { Role } from '@docket/permissions';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { endGrantsOnCase } from '../access/grant-ends';
import type { ActionContext } from '../actions/context';
import { inlineAuditRow, insertAuditRows, type StatementAction, TRANSACTION_NEEDED } from '../actions/statement';
import type { AuditContext } from '../audit/record';
import type { SignedInStaff } from '../context';
import { AppError } from '../http/problem';
import { heldBy, lease } from './claims';
import { type CaseSummaryRow, toCaseSummary } from './summary';

interface ClaimOptions {
  skip?: string | undefined;
}

type ClaimRow = Partial<CaseSummaryRow> & {
  /** Null: no such queue. */
  required_role: Role | null;
  allowed: boolean | null;
  skip_refused: boolean;
  grants_pending: boolean;
  previous_holder: string | null;
};

const CASE_COLUMNS = sql.raw(`id, queue_id, status, category, urgent, involves_minor, report_count, priority,
  opened_at, sla_due_at, assignee_id, lease_expires_at, conversation_id`);

/**
 * The claim as one statement on `db`. With `grantsEndHere` (a transaction that ends grants after
 * it) it goes ahead whatever grants there are; without, grants to end make it write nothing.
 */
async function claimStatement(
  db: Kysely<Database>,
  who: AuditContext,
  queueId: string,
  staff: SignedInStaff,
  { skip = null, grantsEndHere }: { skip: string | null; grantsEndHere: boolean },
): Promise<ClaimRow> {
  // An appeal case is never handed to someone who took part in the case appealed against (ADR 030).
  const independent = sql`(kind = 'report' or not appeal_conflicted(id, ${staff.id}))`;
  const candidates = (claimable: RawBuilder<unknown>) => sql`
    select id, priority, opened_at, assignee_id from "case"
    where queue_id = ${queueId} and status = 'open' and ${claimable} and id is distinct from ${skip}::uuid
      and ${independent} and (select allowed from q) and not exists (select 1 from held)
    order by priority desc, opened_at limit 1 for update skip locked`;
  // Judged after the locks on these cases are taken: holder_grants_pending looks with a fresh snapshot.
  const grantsPending = grantsEndHere
    ? sql`false`
    : sql`(exists (select 1 from skipped where holder_grants_pending(skipped.id, ${staff.id}))
        or exists (select 1 from candidate where assignee_id is not null
          and holder_grants_pending(candidate.id, candidate.assignee_id)))`;
  const event = inlineAuditRow(who, {
    action: 'case.claimed',
    details: { queueId, ...(skip ? { skipped: skip } : {}) },
  });
  const audited = insertAuditRows(
    {
      ...event,
      outcome: sql`case when chosen.id is not null then 'success' else 'failure' end`,
      target_type: sql`case when chosen.id is not null then 'case' end`,
      target_id: sql`chosen.id::text`,
      case_id: sql`chosen.id`,
      details: sql`${event.details}::jsonb || case when chosen.already_held then '{"alreadyHeld":true}'::jsonb
        when chosen.id is not null then '{}'::jsonb else '{"reason":"queue_empty"}'::jsonb end`,
    },
    sql`from (select 1) one left join chosen on true where (select yes from proceed)`,
  );
  const { rows } = await sql<ClaimRow>`${prepared}
    with q as (
      select required_role, required_role::text = any(${staff.roles}::text[]) as allowed from queue where id = ${queueId}
    ), skipped as (
      select id from "case"
      where id = ${skip}::uuid and assignee_id = ${staff.id} and lease_expires_at > now() and (select allowed from q)
      for update
    ), held as (
      -- Claiming is idempotent: a reviewer who already holds a case here gets it back.
      select c.id from "case" c
      where ${skip}::uuid is null and (select allowed from q) and c.queue_id = ${queueId} and c.status = 'open'
        and ${heldBy(staff.id)}
      order by c.claimed_at limit 1
    ), unheld as (${candidates(sql`assignee_id is null`)}
    ), lapsed as (${candidates(sql`assignee_id is not null and lease_expires_at <= now()`)}
    ), candidate as (
      select * from (select * from unheld union all select * from lapsed) best order by priority desc, opened_at limit 1
    ), verdict as (
      select (select required_role from q) as required_role, (select allowed from q) as allowed,
        ${skip}::uuid is not null and not exists (select 1 from skipped) as skip_refused,
        ${grantsPending} as grants_pending
    ), proceed as (
      select coalesce(allowed, false) and not skip_refused and not grants_pending as yes from verdict
    ), released as (
      update "case" set assignee_id = null, lease_expires_at = null
      where id = (select id from skipped) and (select yes from proceed)
      returning id
    ), taken as (
      update "case"
      set assignee_id = ${staff.id}, lease_expires_at = ${lease}, claimed_at = now()
      where id = (select id from candidate) and (select yes from proceed)
      returning ${CASE_COLUMNS}
    ), chosen as (
      select *, false as already_held from taken
      union all
      select ${CASE_COLUMNS}, true from "case" where id = (select id from held) and (select yes from proceed)
    ), audited as (${audited})
    select verdict.*, chosen.*,
      (select assignee_id from lapsed where lapsed.id = chosen.id) as previous_holder,
      ${staff.username}::text as holder_username, ${staff.displayName}::text as holder_display_name
    from verdict left join chosen on true`.execute(db);
  return rows[0] as ClaimRow;
}

/** The refusals, in the order the statement's guards judged them; nothing was written for any. */
function refuse(result: ClaimRow, queueId: string, skip: string | undefined) {
  if (!result.required_role) throw new AppError('not_found', `No queue "${queueId}".`);
  if (!result.allowed) throw new AppError('forbidden', `The ${queueId} queue is worked by ${result.required_role}s.`);
  if (skip && result.skip_refused) throw new AppError('conflict', 'You do not hold the case you are skipping.');
}

const summary = (result: ClaimRow) => (result.id ? toCaseSummary(result as CaseSummaryRow) : null);

/** Claim-next in the caller's transaction, ending the grants of whoever stops holding a case. */
export async function claimNext(
  ctx: ActionContext,
  queueId: string,
  staff: SignedInStaff,
  { skip }: ClaimOptions,
): Promise<CaseSummary | null> {
  const result = await claimStatement(ctx.trx, ctx, queueId, staff, { skip: skip ?? null, grantsEndHere: true });
  refuse(result, queueId, skip);
  // Whoever stops holding a case loses their grants on it: the skipper, and a lapsed holder taken over.
  if (skip) await endGrantsOnCase(ctx, skip, staff.id, 'released');
  if (result.id && result.previous_holder) {
    const reason = result.previous_holder === staff.id ? 'lease_lapsed' : 'taken_over';
    await endGrantsOnCase(ctx, result.id, result.previous_holder, reason);
  }
  return summary(result);
}

/** Claim-next as one statement, or in a transaction when a case changing hands has grants to end. */
export function claimNextCase(queueId: string, staff: SignedInStaff, options: ClaimOptions) {
  return {
    async statement(db, who) {
      const result = await claimStatement(db, who, queueId, staff, {
        skip: options.skip ?? null,
        grantsEndHere: false,
      });
      refuse(result, queueId, options.skip);
      return result.grants_pending ? TRANSACTION_NEEDED : summary(result);
    },
    transactional: (ctx) => claimNext(ctx, queueId, staff, options),
  } satisfies StatementAction<CaseSummary | null>;
}

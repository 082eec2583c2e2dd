/**
 * Claiming: one reviewer holds a case under a lease judged by the database clock. A case whose
 * lease ran out is claimable again without any job running; `for update skip locked` hands
 * concurrent claimers different cases without waiting on one another.
 */
import type { CaseSummary } from '@docket/contracts';
import type { Database } from '@docket/db';
import type { Role } from '@docket/permissions';
import { type Kysely, sql, type Transaction } from 'kysely';
import { endGrantsOnCase } from '../access/grant-ends';
import type { ActionContext } from '../actions/context';
import { auditRow } from '../audit/record';
import type { SignedInStaff } from '../context';
import { AppError } from '../http/problem';
import { awaitingSignature } from './sign-off';
import { type CaseSummaryRow, caseSummary, LEASE_MINUTES, toCaseSummary } from './summary';

const lease = sql<Date>`now() + make_interval(mins => ${LEASE_MINUTES})`;

/** Cases this person holds right now (lease live). */
export const heldBy = (staffId: string) => sql<boolean>`c.assignee_id = ${staffId} and c.lease_expires_at > now()`;

export async function claimNext(
  ctx: ActionContext,
  queueId: string,
  staff: SignedInStaff,
  options: { skip?: string | undefined },
): Promise<CaseSummary | null> {
  const { trx } = ctx;
  // Claiming is idempotent: a reviewer who already holds a case here gets it back.
  if (!options.skip) {
    const held = await trx
      .selectFrom('case as c')
      .select('c.id')
      .where('c.queue_id', '=', queueId)
      .where('c.status', '=', 'open')
      .where(heldBy(staff.id))
      .orderBy('c.claimed_at')
      .executeTakeFirst();
    if (held) {
      await ctx.emit({
        action: 'case.claimed',
        target: { type: 'case', id: held.id },
        caseId: held.id,
        details: { queueId, alreadyHeld: true },
      });
      return (await caseSummary(trx, held.id)) ?? null;
    }
  }

  // One statement (one round trip): give back the skipped case (if held), take the best unheld
  // case or the best case whose lease ran out — each branch reads the top of its own partial
  // index, however long the queue — write the audit event, and read the queue's role. A refusal
  // below throws, and the transaction takes all of it back.
  const skip = options.skip ?? null;
  // An appeal case is never handed to someone who took part in the case appealed against (ADR 030).
  const independent = sql`(kind = 'report' or not appeal_conflicted(id, ${staff.id}))`;
  const event = auditRow(ctx, { action: 'case.claimed', details: { queueId, ...(skip ? { skipped: skip } : {}) } });
  const claimedEvent = trx.insertInto('audit_event').values({
    ...event,
    outcome: sql`case when exists (select 1 from taken) then 'success' else 'failure' end`,
    target_type: sql`case when exists (select 1 from taken) then 'case' end`,
    target_id: sql`(select id::text from taken)`,
    case_id: sql`(select id from taken)`,
    details: sql`${event.details}::jsonb || case when exists (select 1 from taken) then '{}'::jsonb else '{"reason":"queue_empty"}'::jsonb end`,
  });
  const claimed = await sql<
    CaseSummaryRow & { released: number; required_role: Role | null; previous_holder: string | null }
  >`
    with released as (
      update "case" set assignee_id = null, lease_expires_at = null
      where id = ${skip}::uuid and assignee_id = ${staff.id} and lease_expires_at > now()
      returning id
    ), unheld as (
      select id, priority, opened_at, null::uuid as assignee_id from "case"
      where queue_id = ${queueId} and status = 'open' and assignee_id is null and id is distinct from ${skip}::uuid
        and ${independent}
      order by priority desc, opened_at limit 1 for update skip locked
    ), lapsed as (
      select id, priority, opened_at, assignee_id from "case"
      where queue_id = ${queueId} and status = 'open' and assignee_id is not null and lease_expires_at <= now()
        and id is distinct from ${skip}::uuid and ${independent}
      order by priority desc, opened_at limit 1 for update skip locked
    ), taken as (
      update "case" set assignee_id = ${staff.id}, lease_expires_at = ${lease}, claimed_at = now()
      where id = (select id from (select * from unheld union all select * from lapsed) candidates order by priority desc, opened_at limit 1)
      returning id, queue_id, status, category, urgent, involves_minor, report_count, priority, opened_at, sla_due_at,
        assignee_id, lease_expires_at, conversation_id
    ), audited as (${claimedEvent})
    select (select required_role from queue where id = ${queueId}) as required_role,
      (select count(*)::int from released) as released, taken.*,
      (select assignee_id from lapsed where lapsed.id = taken.id) as previous_holder,
      ${staff.username}::text as holder_username, ${staff.displayName}::text as holder_display_name
    from (select 1) one left join taken on true`.execute(trx);
  const result = claimed.rows[0];
  if (!result?.required_role) throw new AppError('not_found', `No queue "${queueId}".`);
  if (!staff.roles.includes(result.required_role)) {
    throw new AppError('forbidden', `The ${queueId} queue is worked by ${result.required_role}s.`);
  }
  if (skip && !result.released) throw new AppError('conflict', 'You do not hold the case you are skipping.');
  // Whoever stops holding a case loses their grants on it: the skipper, and a lapsed holder taken over.
  if (skip) await endGrantsOnCase(ctx, skip, staff.id, 'released');
  if (result.id && result.previous_holder) {
    const reason = result.previous_holder === staff.id ? 'lease_lapsed' : 'taken_over';
    await endGrantsOnCase(ctx, result.id, result.previous_holder, reason);
  }
  const id = result.id ?? undefined;
  return id && result ? toCaseSummary(result) : null;
}

/** The case, locked, if this person holds it; a clear 404/409 otherwise. */
export async function lockHeldCase(trx: Transaction<Database>, caseId: string, staffId: string) {
  const row = await trx
    .selectFrom('case as c')
    .select([
      'c.id',
      'c.status',
      'c.kind',
      'c.queue_id',
      'c.conversation_id',
      'c.urgent',
      'c.category',
      heldBy(staffId).as('held'),
    ])
    .where('c.id', '=', caseId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', 'No case with that id.');
  if (row.status === 'decided') throw new AppError('conflict', 'This case is already decided.');
  if (row.status === 'awaiting_confirmation')
    throw new AppError('conflict', 'This case awaits a supervisor’s confirmation.');
  if (!row.held)
    throw new AppError('conflict', 'You do not hold this case (its lease ended or it was reassigned). Claim again.');
  return row;
}

/**
 * The case as one viewer may look at it: one they hold and may still work, one that is decided
 * (read-only to anyone who may read cases), or one with something for them to sign (read-only to
 * that supervisor, the same rule as openCase). Locked, like lockHeldCase.
 */
export async function lockViewableCase(trx: Transaction<Database>, caseId: string, viewer: SignedInStaff) {
  const row = await trx
    .selectFrom('case as c')
    .select(['c.id', 'c.status', heldBy(viewer.id).as('held'), awaitingSignature(viewer).as('signing')])
    .where('c.id', '=', caseId)
    .forShare()
    .executeTakeFirst();
  if (row && !row.held && (row.status === 'decided' || row.signing)) return row;
  return lockHeldCase(trx, caseId, viewer.id);
}

export async function renewLease(ctx: ActionContext, caseId: string, staffId: string) {
  const { trx } = ctx;
  await lockHeldCase(trx, caseId, staffId);
  await trx.updateTable('case').set({ lease_expires_at: lease }).where('id', '=', caseId).execute();
  await ctx.emit({ action: 'case.lease_renewed', target: { type: 'case', id: caseId }, caseId });
  return caseSummary(trx, caseId) as Promise<CaseSummary>;
}

export async function releaseCase(ctx: ActionContext, caseId: string, staffId: string) {
  const { trx } = ctx;
  await lockHeldCase(trx, caseId, staffId);
  await trx.updateTable('case').set({ assignee_id: null, lease_expires_at: null }).where('id', '=', caseId).execute();
  await endGrantsOnCase(ctx, caseId, staffId, 'released');
  await ctx.emit({ action: 'case.released', target: { type: 'case', id: caseId }, caseId });
}

/** Supervisors: hand a case to someone (a fresh lease), or back to the queue. */
export async function assignCase(ctx: ActionContext, caseId: string, assigneeId: string | null): Promise<CaseSummary> {
  const { trx } = ctx;
  const current = await trx
    .selectFrom('case')
    .select([
      'status',
      'assignee_id',
      'queue_id',
      sql<boolean>`kind = 'appeal' and appeal_conflicted(id, ${assigneeId}::uuid)`.as('conflicted'),
    ])
    .where('id', '=', caseId)
    .forUpdate()
    .executeTakeFirst();
  if (!current) throw new AppError('not_found', 'No case with that id.');
  if (current.status !== 'open') throw new AppError('conflict', 'Only open cases can be reassigned.');
  if (current.conflicted) {
    throw new AppError(
      'conflict',
      'An appeal goes to someone who neither decided the original case nor held access to it.',
      {
        errors: [{ field: 'assigneeId', message: 'took part in the original case' }],
      },
    );
  }
  if (assigneeId) {
    const assignee = await trx
      .selectFrom('staff_user')
      .select(['roles', 'disabled_at'])
      .where('id', '=', assigneeId)
      .executeTakeFirst();
    const queue = await trx
      .selectFrom('queue')
      .select('required_role')
      .where('id', '=', current.queue_id)
      .executeTakeFirstOrThrow();
    if (!assignee || assignee.disabled_at || !assignee.roles.includes(queue.required_role)) {
      throw new AppError('invalid', `The assignee must be an active ${queue.required_role}.`, {
        errors: [{ field: 'assigneeId', message: `not an active ${queue.required_role}` }],
      });
    }
  }
  await trx
    .updateTable('case')
    .set(
      assigneeId
        ? { assignee_id: assigneeId, lease_expires_at: lease, claimed_at: sql`now()` }
        : { assignee_id: null, lease_expires_at: null },
    )
    .where('id', '=', caseId)
    .execute();
  if (current.assignee_id && current.assignee_id !== assigneeId) {
    await endGrantsOnCase(ctx, caseId, current.assignee_id, 'reassigned');
  }
  await ctx.emit({
    action: assigneeId ? 'case.reassigned' : 'case.unassigned',
    target: { type: 'case', id: caseId },
    caseId,
    details: { from: current.assignee_id, to: assigneeId },
  });
  return caseSummary(trx, caseId) as Promise<CaseSummary>;
}

/** Who a supervisor may hand a case to: active staff holding the role its queue requires. */
export async function assignableStaff(db: Kysely<Database>, caseId: string) {
  const current = await db
    .selectFrom('case as c')
    .innerJoin('queue as q', 'q.id', 'c.queue_id')
    .select(['c.assignee_id', 'q.required_role'])
    .where('c.id', '=', caseId)
    .executeTakeFirst();
  if (!current) throw new AppError('not_found', 'No case with that id.');
  let people = db
    .selectFrom('staff_user')
    .select(['id', 'username', 'display_name'])
    .where('disabled_at', 'is', null)
    .where(sql<boolean>`${current.required_role} = any(roles)`)
    .orderBy('display_name')
    .limit(500);
  if (current.assignee_id) people = people.where('id', '!=', current.assignee_id);
  const rows = await people.execute();
  return { items: rows.map((row) => ({ id: row.id, username: row.username, displayName: row.display_name })) };
}

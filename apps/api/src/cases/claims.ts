/**
 * Claiming: one reviewer holds a case under a lease judged by the database clock. A case whose
 * lease ran out is claimable again without any job running (claim-next.ts).
 */
import type { CaseSummary } from '@docket/contracts';
import type { Database } from '@docket/db';
import { type Kysely, sql, type Transaction } from 'kysely';
import { endGrantsOnCase } from '../access/grant-ends';
import type { ActionContext } from '../actions/context';
import { AppError } from '../http/problem';
import { caseSummary, LEASE_MINUTES } from './summary';

/** A fresh lease's end, by the database clock. */
export const lease = sql<Date>`now() + make_interval(mins => ${LEASE_MINUTES})`;

/** Cases this person holds right now (lease live). */
export const heldBy = (staffId: string) => sql<boolean>`c.assignee_id = ${staffId} and c.lease_expires_at > now()`;

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
  if (!row?.held || row.status !== 'open') throw notHeld(row);
  return row;
}

/** Why someone may not work (or look at) a case: the 404 or 409 each such refusal gives. */
export function notHeld(row: { status: string } | undefined): AppError {
  if (!row) return new AppError('not_found', 'No case with that id.');
  if (row.status === 'decided') return new AppError('conflict', 'This case is already decided.');
  if (row.status === 'awaiting_confirmation') {
    return new AppError('conflict', 'This case awaits a supervisor’s confirmation.');
  }
  return new AppError('conflict', 'You do not hold this case (its lease ended or it was reassigned). Claim again.');
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

/**
 * A grant lasts only while its reason does: the moment its grantee stops holding the case —
 * deciding, releasing, escalating, being reassigned or taken over, or letting the lease lapse —
 * their grants on it end. Every one of those paths comes through `endGrantsOnCase`, so the
 * record (one `access.ended` per grant, with the reason) cannot be missed by one of them. Reads
 * refuse at once regardless (see liveness.ts); this makes the lists and the trail say so too.
 */
import type { GrantEndReason } from '@docket/db';
import { can, type Role } from '@docket/permissions';
import { sql } from 'kysely';
import type { ActionContext } from '../actions/context';
import { grantUnended } from './liveness';
import { scheduleAccessNotice } from './notices';

export async function endGrantsOnCase(
  ctx: ActionContext,
  caseId: string,
  holderId: string,
  reason: GrantEndReason,
): Promise<void> {
  const { trx } = ctx;
  const ended = await trx
    .updateTable('access_grant as g')
    .set({ ended_at: sql`now()`, end_reason: reason })
    .where('g.case_id', '=', caseId)
    .where('g.grantee_id', '=', holderId)
    .where(grantUnended)
    .returning('g.id')
    .execute();
  for (const { id } of ended) {
    await ctx.emit({
      live: { staffId: holderId, grantId: id },
      action: 'access.ended',
      target: { type: 'access_grant', id },
      caseId,
      grantId: id,
      details: { reason, holderId },
    });
    await scheduleAccessNotice(trx, id);
  }
}

/**
 * Ends the grants of holders whose lease ran out, as whoever `ctx` acts for (the system's sweep).
 * One call is one idempotent sweep, so a job runner can call it as it is.
 */
export async function endGrantsForLapsedLeases(ctx: ActionContext): Promise<void> {
  const lapsed = await ctx.trx
    .selectFrom('access_grant as g')
    .innerJoin('case as c', (join) => join.onRef('c.id', '=', 'g.case_id').onRef('c.assignee_id', '=', 'g.grantee_id'))
    .select(['g.case_id', 'g.grantee_id'])
    .distinct()
    .where(grantUnended)
    .where('c.lease_expires_at', '<=', sql<Date>`now()`)
    .execute();
  for (const { case_id, grantee_id } of lapsed) {
    if (case_id) await endGrantsOnCase(ctx, case_id, grantee_id, 'lease_lapsed');
  }
}

/**
 * Ends a staff member's grants once what justified them is gone: disabled, every grant; a role
 * removed, the case and break-glass grants when no role left reads conversations, and the legal
 * grants when the legal role went.
 */
export async function endGrantsOfStaff(
  ctx: ActionContext,
  staffId: string,
  change: { disabled: true } | { remainingRoles: readonly Role[] },
): Promise<void> {
  const reason: GrantEndReason = 'disabled' in change ? 'staff_disabled' : 'role_removed';
  const bases: ('case' | 'break_glass' | 'legal_request')[] =
    'disabled' in change
      ? ['case', 'break_glass', 'legal_request']
      : [
          ...(can(change.remainingRoles, 'read:conversation') ? [] : (['case', 'break_glass'] as const)),
          ...(change.remainingRoles.includes('legal') ? [] : (['legal_request'] as const)),
        ];
  if (bases.length === 0) return;
  const ended = await ctx.trx
    .updateTable('access_grant as g')
    .set({ ended_at: sql`now()`, end_reason: reason })
    .where('g.grantee_id', '=', staffId)
    .where('g.basis', 'in', bases)
    .where(grantUnended)
    .returning(['g.id', 'g.case_id'])
    .execute();
  for (const { id, case_id } of ended) {
    await ctx.emit({
      live: { staffId, grantId: id },
      action: 'access.ended',
      target: { type: 'access_grant', id },
      caseId: case_id,
      grantId: id,
      details: { reason, holderId: staffId },
    });
    await scheduleAccessNotice(ctx.trx, id);
  }
}

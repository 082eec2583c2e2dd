/**
 * A grant lasts only while its reason does: the moment its grantee stops holding the case —
 * deciding, releasing, escalating, being reassigned or taken over, or letting the lease lapse —
 * their grants on it end. Every one of those paths comes through `endGrantsOnCase`, so the
 * record (one `access.ended` per grant, with the reason) cannot be missed by one of them. Reads
 * refuse at once regardless (see liveness.ts); this makes the lists and the trail say so too.
 */
import type { GrantEndReason } from '@docket/db';
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

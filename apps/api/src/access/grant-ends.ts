/**
 * A grant lasts only while its reason does: the moment its grantee stops holding the case —
 * deciding, releasing, escalating, being reassigned or taken over, or letting the lease lapse —
 * their grants on it end. Every one of those paths comes through `endGrantsOnCase`, so the
 * record (one `access.ended` per grant, with the reason) cannot be missed by one of them. Reads
 * refuse at once regardless (see liveness.ts); this makes the lists and the trail say so too.
 */
import type { Database, GrantEndReason } from '@docket/db';
import { type Kysely, sql, type Transaction } from 'kysely';
import { type AuditContext, recordAuditEvent, SYSTEM_ACTOR } from '../audit/record';
import { publishAccessEvent } from './live';
import { grantUnended } from './liveness';

export async function endGrantsOnCase(
  trx: Transaction<Database>,
  caseId: string,
  holderId: string,
  reason: GrantEndReason,
  audit: AuditContext,
): Promise<void> {
  const ended = await trx
    .updateTable('access_grant as g')
    .set({ ended_at: sql`now()`, end_reason: reason })
    .where('g.case_id', '=', caseId)
    .where('g.grantee_id', '=', holderId)
    .where(grantUnended)
    .returning('g.id')
    .execute();
  for (const { id } of ended) {
    await publishAccessEvent(trx, { type: 'access.ended', caseId, staffId: holderId, grantId: id });
    await recordAuditEvent(trx, audit, {
      action: 'access.ended',
      target: { type: 'access_grant', id },
      caseId,
      grantId: id,
      details: { reason, holderId },
    });
  }
}

const SYSTEM = { actor: SYSTEM_ACTOR, requestId: null, ip: null, userAgent: null } satisfies AuditContext;

/**
 * Ends the grants of holders whose lease ran out, as the system, in a transaction of its own.
 * One call is one idempotent sweep, so a job runner can call it as it is.
 */
export async function endGrantsForLapsedLeases(db: Kysely<Database>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const lapsed = await trx
      .selectFrom('access_grant as g')
      .innerJoin('case as c', (join) =>
        join.onRef('c.id', '=', 'g.case_id').onRef('c.assignee_id', '=', 'g.grantee_id'),
      )
      .select(['g.case_id', 'g.grantee_id'])
      .distinct()
      .where(grantUnended)
      .where('c.lease_expires_at', '<=', sql<Date>`now()`)
      .execute();
    for (const { case_id, grantee_id } of lapsed) {
      await endGrantsOnCase(trx, case_id, grantee_id, 'lease_lapsed', SYSTEM);
    }
  });
}

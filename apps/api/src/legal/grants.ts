/**
 * Legal grants (ADR 032): issued by the acceptance itself (or, in an emergency, by the recording)
 * to the officer assigned to the request; no case, no lease. The database's
 * `access_grant_legal_basis` trigger refuses any other legal grant. It ends — `access.ended` with
 * the reason — when the request is produced, rejected, found to hold no data, or closed.
 */
import type { Database, GrantEndReason } from '@docket/db';
import { sql, type Transaction } from 'kysely';
import type { ActionContext } from '../actions/context';

/** Long enough for the work of answering an order; the request's own end usually ends it first. */
export const LEGAL_GRANT_DAYS = 30;

export async function issueLegalGrant(trx: Transaction<Database>, requestId: string): Promise<string> {
  const { id } = await trx
    .insertInto('access_grant')
    .columns(['legal_request_id', 'grantee_id', 'scope', 'expires_at'])
    .expression((eb) =>
      eb
        .selectFrom('legal_request')
        .select([
          'id',
          'assigned_to',
          sql<string>`'{"kind":"legal_request"}'::jsonb`.as('scope'),
          sql<Date>`now() + make_interval(days => ${LEGAL_GRANT_DAYS})`.as('expires_at'),
        ])
        .where('id', '=', requestId),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function endLegalGrants(
  ctx: ActionContext,
  requestId: string,
  reason: Extract<GrantEndReason, 'produced' | 'rejected' | 'no_data' | 'closed'>,
): Promise<void> {
  const ended = await ctx.trx
    .updateTable('access_grant as g')
    .set({ ended_at: sql`now()`, end_reason: reason })
    .where('g.legal_request_id', '=', requestId)
    .where('g.ended_at', 'is', null)
    .where('g.revoked_at', 'is', null)
    .returning(['g.id', 'g.grantee_id'])
    .execute();
  for (const grant of ended) {
    await ctx.emit({
      action: 'access.ended',
      live: { staffId: grant.grantee_id, grantId: grant.id },
      target: { type: 'access_grant', id: grant.id },
      caseId: null,
      grantId: grant.id,
      details: { reason, legalRequestId: requestId },
    });
  }
}

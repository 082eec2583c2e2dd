/**
 * Deadlines, recorded on time by the job runner's sweeps (ADR 027): a pending request past its
 * deadline expires, and a grant past its end expires, each as the system's `access.expired`
 * event with its live notice. Reads and approvals never wait for this — they check the database
 * clock themselves — so a late sweep delays the record, never the refusal. Each sweep is
 * idempotent: what it records it also marks, so the next sweep passes it by.
 */
import { sql } from 'kysely';
import type { ActionContext, ActionEvent } from '../actions/context';
import { scheduleAccessNotice } from './notices';

export async function expireStaleRequests(ctx: ActionContext): Promise<void> {
  const expired = await ctx.trx
    .updateTable('access_request')
    .set({ status: 'expired', decided_at: sql`now()` })
    .where('status', '=', 'pending')
    .where('pending_until', '<=', sql<Date>`now()`)
    .returning(['id', 'case_id', 'requester_id'])
    .execute();
  const events = expired.map(
    (row): ActionEvent => ({
      action: 'access.expired',
      live: { staffId: row.requester_id, requestId: row.id },
      target: { type: 'access_request', id: row.id },
      caseId: row.case_id,
    }),
  );
  for (const event of events) await ctx.emit(event);
}

/** A grant that ran out unrevoked and unended is marked ended at its own expiry, reason `expired`. */
export async function expireEndedGrants(ctx: ActionContext): Promise<void> {
  const expired = await ctx.trx
    .updateTable('access_grant')
    .set({ ended_at: sql`expires_at`, end_reason: 'expired' })
    .where('ended_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '<=', sql<Date>`now()`)
    .returning(['id', 'case_id', 'grantee_id', 'expires_at', 'legal_request_id'])
    .execute();
  for (const row of expired) {
    await ctx.emit({
      action: 'access.expired',
      live: { staffId: row.grantee_id, grantId: row.id },
      target: { type: 'access_grant', id: row.id },
      caseId: row.case_id,
      grantId: row.id,
      details: {
        expiredAt: row.expires_at.toISOString(),
        ...(row.legal_request_id && { legalRequestId: row.legal_request_id }),
      },
    });
    // A legal grant's people are told through the request's own notice decisions (ADR 032).
    if (row.case_id) await scheduleAccessNotice(ctx.trx, row.id);
  }
}

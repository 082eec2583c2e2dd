/**
 * See what you sign: a supervisor about to confirm a decision, decide someone's access request
 * or review a break-glass use may open that case read-only — the reported evidence under the same
 * blur and the same `case.opened` audit as anyone's view — without taking it from its holder.
 */
import { can } from '@docket/permissions';
import { sql } from 'kysely';
import type { SignedInStaff } from '../context';

/**
 * What on case `c` waits for this person's signature, as SQL (null when nothing): a decision to
 * confirm, another person's live access request, a break-glass use not yet reviewed. Each counts
 * only for someone whose permissions let them sign it; nobody signs their own request.
 */
export function awaitingSignature(viewer: SignedInStaff) {
  // Literals, not parameters: the planner drops a branch the viewer cannot sign from the statement's
  // generic plan, so a prepared statement (ADR 050) is planned once rather than on every run (ADR 057).
  const confirms = sql.lit(can(viewer.roles, 'manage:case'));
  const approves = sql.lit(can(viewer.roles, 'approve:access'));
  const reviews = sql.lit(can(viewer.roles, 'review:break_glass'));
  return sql<'confirmation' | 'access_request' | 'break_glass_review' | null>`case
    when ${confirms} and c.status = 'awaiting_confirmation' then 'confirmation'
    when ${approves} and exists (
      select 1 from access_request r
      where r.case_id = c.id and r.status = 'pending' and r.pending_until > now() and r.requester_id <> ${viewer.id}
    ) then 'access_request'
    when ${reviews} and exists (
      select 1 from access_grant g where g.case_id = c.id and g.break_glass and g.reviewed_at is null
    ) then 'break_glass_review'
  end`;
}

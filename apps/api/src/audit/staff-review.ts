/**
 * The staff half of an access review: every role change asked for or decided in the period, and
 * every enrolment or reset link used from the issuing admin's own address or session.
 */
import type { StaffReview, StaffReviewQuery } from '@docket/contracts';
import type { Database } from '@docket/db';
import type { Kysely } from 'kysely';
import { linksUsedByTheirIssuer } from '../staff/links';
import { listRoleChanges } from '../staff/role-changes';

export async function staffReview(db: Kysely<Database>, query: StaffReviewQuery): Promise<StaffReview> {
  const period = { from: new Date(query.from), to: new Date(query.to) };
  const [roleChanges, links] = await Promise.all([listRoleChanges(db, period), linksUsedByTheirIssuer(db, period)]);
  return {
    roleChanges,
    flaggedLinks: links.map((link) => ({
      linkId: link.id,
      purpose: link.purpose,
      staff: { id: link.staff_id, username: link.staff_username },
      issuedBy: link.issuer_id && link.issuer_username ? { id: link.issuer_id, username: link.issuer_username } : null,
      usedAt: (link.used_at as Date).toISOString(),
      ip: link.used_ip,
      userAgent: link.used_user_agent,
      sameAddress: link.same_address,
      sameSession: link.same_session,
    })),
  };
}

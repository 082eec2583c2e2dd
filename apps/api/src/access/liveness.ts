/**
 * When a grant may be read under — the one definition, used by the read itself, the grant lists,
 * decisions and the auditors' review. Both halves are judged by the database clock, inside the
 * statement that uses them, on a grant aliased `g`.
 */
import { sql } from 'kysely';

/** The grant has not run out: started, not expired, not revoked, not ended with its reason. */
export const grantUnended = sql<boolean>`(g.starts_at <= now() and g.expires_at > now()
  and g.revoked_at is null and g.ended_at is null)`;

/** …and its reason is live too: the grantee holds the open case under a live lease (ADR 018). */
export const grantIsLive = sql<boolean>`(${grantUnended} and exists (
  select 1 from "case" held where held.id = g.case_id and held.status = 'open'
    and held.assignee_id = g.grantee_id and held.lease_expires_at > now()))`;

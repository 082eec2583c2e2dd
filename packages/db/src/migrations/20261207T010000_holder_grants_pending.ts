import { type Kysely, sql } from 'kysely';

// Claim-next runs as one statement when nothing but its own rows and its audit event change
// (ADR 049); a case released or taken over whose holder still has grants on it goes the
// transactional way instead, which ends them. Whether any are left must be judged *after* the
// statement has locked the case: a break-glass committed while it waited for that lock is not
// in the statement's snapshot. A volatile PL/pgSQL function's query takes a fresh snapshot
// (READ COMMITTED), so it sees it. The test is wider than "unended" (it ignores starts_at): a
// grant it counts that the transactional path would not end costs a slower claim, nothing more.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function holder_grants_pending(case_id uuid, holder_id uuid) returns boolean
    language plpgsql volatile as $$
    begin
      return exists (select 1 from access_grant g
        where g.case_id = holder_grants_pending.case_id and g.grantee_id = holder_grants_pending.holder_id
          and g.ended_at is null and g.revoked_at is null and g.expires_at > now());
    end $$`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop function holder_grants_pending(uuid, uuid)`.execute(db);
}

import { type Kysely, sql } from 'kysely';

// A grant that runs out is recorded as ended with reason 'expired' by the expiry sweep (ADR 027),
// at its own expiry time, so the sweep records each expiry once and the trail closes on time.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table access_grant drop constraint access_grant_end_reason_check`.execute(db);
  await sql`alter table access_grant add constraint access_grant_end_reason_check
    check (end_reason in ('decided','escalated','released','reassigned','taken_over','lease_lapsed','expired'))`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`update access_grant set ended_at = null, end_reason = null where end_reason = 'expired'`.execute(db);
  await sql`alter table access_grant drop constraint access_grant_end_reason_check`.execute(db);
  await sql`alter table access_grant add constraint access_grant_end_reason_check
    check (end_reason in ('decided','escalated','released','reassigned','taken_over','lease_lapsed'))`.execute(db);
}

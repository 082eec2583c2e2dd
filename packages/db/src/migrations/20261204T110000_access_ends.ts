import { type Kysely, sql } from 'kysely';

// A grant lasts only while its reason does (ADR 018): it ends when its grantee stops holding the
// case, it records who revoked it and why, and a reported_context grant carries the message ids
// it was approved for, so later reports cannot widen it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('access_grant')
    .addColumn('ended_at', 'timestamptz')
    .addColumn('end_reason', 'text', (col) =>
      col.check(sql`end_reason in ('decided','escalated','released','reassigned','taken_over','lease_lapsed')`),
    )
    .addColumn('revoke_reason', 'text')
    .addColumn('message_ids', sql`text[]`)
    .execute();
  await sql`alter table access_grant add constraint access_grant_end_has_reason
    check ((ended_at is null) = (end_reason is null))`.execute(db);
  // A reported_context grant without its ids reads nothing: older grants fail closed.
  // The lapsed-lease sweep reads only grants still running, however many have run out before.
  await sql`create index access_grant_unended_idx on access_grant (expires_at)
    where ended_at is null and revoked_at is null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index access_grant_unended_idx`.execute(db);
  await db.schema.alterTable('access_grant').dropConstraint('access_grant_end_has_reason').execute();
  await db.schema
    .alterTable('access_grant')
    .dropColumn('message_ids')
    .dropColumn('revoke_reason')
    .dropColumn('end_reason')
    .dropColumn('ended_at')
    .execute();
}

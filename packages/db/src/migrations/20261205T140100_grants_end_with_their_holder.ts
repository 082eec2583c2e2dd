import { type Kysely, sql } from 'kysely';

// A grant also ends when its holder loses the role that justified it, or is disabled: the read is
// refused by permission at once, and the grant lists and the trail say so too.

const REASONS = `'decided','escalated','released','reassigned','taken_over','lease_lapsed','expired',
  'produced','rejected','no_data','closed'`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table access_grant drop constraint access_grant_end_reason_check`.execute(db);
  await sql`alter table access_grant add constraint access_grant_end_reason_check
    check (end_reason in (${sql.raw(REASONS)}, 'role_removed', 'staff_disabled'))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table access_grant drop constraint access_grant_end_reason_check`.execute(db);
  await sql`update access_grant set ended_at = null, end_reason = null
    where end_reason in ('role_removed', 'staff_disabled')`.execute(db);
  await sql`alter table access_grant add constraint access_grant_end_reason_check
    check (end_reason in (${sql.raw(REASONS)}))`.execute(db);
}

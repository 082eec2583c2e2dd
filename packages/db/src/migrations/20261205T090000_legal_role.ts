import { type Kysely, sql } from 'kysely';

// The legal role (law-enforcement response / counsel, DESIGN §11) joins the role vocabulary the
// database itself enforces on staff accounts and on two-admin role changes.

const ROLES = sql.raw(`array['reviewer','supervisor','auditor','admin','legal']::text[]`);
const OLD_ROLES = sql.raw(`array['reviewer','supervisor','auditor','admin']::text[]`);

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table staff_user drop constraint staff_user_roles_known`.execute(db);
  await sql`alter table staff_user add constraint staff_user_roles_known check (roles <@ ${ROLES})`.execute(db);
  await sql`alter table staff_role_change drop constraint staff_role_change_role_check`.execute(db);
  await sql`alter table staff_role_change add constraint staff_role_change_role_check
    check (role = any (${ROLES}))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table staff_role_change drop constraint staff_role_change_role_check`.execute(db);
  await sql`alter table staff_role_change add constraint staff_role_change_role_check
    check (role = any (${OLD_ROLES}))`.execute(db);
  await sql`alter table staff_user drop constraint staff_user_roles_known`.execute(db);
  await sql`alter table staff_user add constraint staff_user_roles_known check (roles <@ ${OLD_ROLES})`.execute(db);
}

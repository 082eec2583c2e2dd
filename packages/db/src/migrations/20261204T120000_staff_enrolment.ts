import { type Kysely, sql } from 'kysely';

// Admins never know passwords and never grant access alone (DESIGN §13, ADR 019):
// - an account may exist without a password until its owner enrols through a one-time link;
// - an account may exist without roles until a second admin confirms the ones requested for it;
// - a role change is a row, and the rules that make it need two people are CHECKs here, so no
//   code path (or hand-written SQL by the application's role) can confirm its own request.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('staff_user')
    .alterColumn('password_hash', (col) => col.dropNotNull())
    .execute();
  await sql`alter table staff_user drop constraint staff_user_roles_known`.execute(db);
  await sql`alter table staff_user add constraint staff_user_roles_known
    check (roles <@ array['reviewer','supervisor','auditor','admin']::text[])`.execute(db);

  await db.schema
    .createTable('staff_link')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('staff_user_id', 'uuid', (col) => col.notNull().references('staff_user.id').onDelete('cascade'))
    .addColumn('purpose', 'text', (col) => col.notNull().check(sql`purpose in ('enrol', 'reset')`))
    .addColumn('token_hash', 'bytea', (col) => col.notNull().unique())
    .addColumn('expires_at', 'timestamptz', (col) => col.notNull())
    // Null when the operator issued it (pnpm staff:create never does today).
    .addColumn('issued_by', 'uuid', (col) => col.references('staff_user.id'))
    .addColumn('issued_ip', 'text')
    .addColumn('issued_session_hash', 'bytea')
    .addColumn('issued_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('used_at', 'timestamptz')
    .addColumn('used_ip', 'text')
    .addColumn('used_user_agent', 'text')
    .addColumn('used_session_hash', 'bytea')
    .addCheckConstraint('staff_link_not_for_issuer', sql`issued_by is distinct from staff_user_id`)
    .execute();
  await db.schema.createIndex('staff_link_staff_user_id_idx').on('staff_link').column('staff_user_id').execute();
  await db.schema.createIndex('staff_link_used_at_idx').on('staff_link').column('used_at').execute();

  await db.schema
    .createTable('staff_role_change')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('staff_user_id', 'uuid', (col) => col.notNull().references('staff_user.id').onDelete('cascade'))
    .addColumn('role', 'text', (col) => col.notNull().check(sql`role in ('reviewer','supervisor','auditor','admin')`))
    .addColumn('change', 'text', (col) => col.notNull().check(sql`change in ('grant', 'remove')`))
    .addColumn('status', 'text', (col) => col.notNull().check(sql`status in ('pending', 'confirmed', 'rejected')`))
    .addColumn('requested_by', 'uuid', (col) => col.notNull().references('staff_user.id'))
    .addColumn('requested_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('decided_by', 'uuid', (col) => col.references('staff_user.id'))
    .addColumn('decided_at', 'timestamptz')
    .addCheckConstraint('staff_role_change_not_own', sql`requested_by <> staff_user_id`)
    .addCheckConstraint(
      'staff_role_change_second_admin',
      sql`decided_by is null or (decided_by <> requested_by and decided_by <> staff_user_id)`,
    )
    // A grant is confirmed or rejected only by a named second admin; a removal applies at once.
    .addCheckConstraint(
      'staff_role_change_decided',
      sql`case
        when change = 'remove' then status = 'confirmed' and decided_by is null and decided_at is not null
        when status = 'pending' then decided_by is null and decided_at is null
        else decided_by is not null and decided_at is not null
      end`,
    )
    .execute();
  await db.schema
    .createIndex('staff_role_change_one_pending')
    .on('staff_role_change')
    .columns(['staff_user_id', 'role'])
    .unique()
    .where(sql.ref('status'), '=', 'pending')
    .execute();
  await db.schema
    .createIndex('staff_role_change_requested_at_idx')
    .on('staff_role_change')
    .column('requested_at')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('staff_role_change').execute();
  await db.schema.dropTable('staff_link').execute();
  await sql`alter table staff_user drop constraint staff_user_roles_known`.execute(db);
  await sql`alter table staff_user add constraint staff_user_roles_known
    check (cardinality(roles) > 0 and roles <@ array['reviewer','supervisor','auditor','admin']::text[])`.execute(db);
  await db.schema
    .alterTable('staff_user')
    .alterColumn('password_hash', (col) => col.setNotNull())
    .execute();
}

import { type Kysely, sql } from 'kysely';

// Migrations never import application code: they describe the schema as it was on their date.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('staff_user')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('username', 'text', (col) => col.notNull().unique())
    .addColumn('display_name', 'text', (col) => col.notNull())
    .addColumn('password_hash', 'text', (col) => col.notNull())
    .addColumn('roles', sql`text[]`, (col) => col.notNull())
    .addColumn('disabled_at', 'timestamptz')
    .addColumn('last_sign_in_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('staff_user_username_lower', sql`username = lower(username)`)
    .addCheckConstraint(
      'staff_user_roles_known',
      sql`cardinality(roles) > 0 and roles <@ array['reviewer','supervisor','auditor','admin']::text[]`,
    )
    .execute();

  await db.schema
    .createTable('staff_session')
    .addColumn('token_hash', 'bytea', (col) => col.primaryKey())
    .addColumn('staff_user_id', 'uuid', (col) => col.notNull().references('staff_user.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (col) => col.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('last_seen_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('idle_expires_at', 'timestamptz', (col) => col.notNull())
    .addColumn('absolute_expires_at', 'timestamptz', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('staff_session_staff_user_id_idx').on('staff_session').column('staff_user_id').execute();

  await db.schema
    .createTable('sign_in_failure')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('username', 'text', (col) => col.notNull())
    .addColumn('ip', 'text')
    .addColumn('failed_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('sign_in_failure_username_idx')
    .on('sign_in_failure')
    .columns(['username', 'failed_at'])
    .execute();
  await db.schema.createIndex('sign_in_failure_ip_idx').on('sign_in_failure').columns(['ip', 'failed_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('sign_in_failure').execute();
  await db.schema.dropTable('staff_session').execute();
  await db.schema.dropTable('staff_user').execute();
}

import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('audit_event')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    // clock_timestamp(), not now(): two events in one transaction keep their real order.
    .addColumn('occurred_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`clock_timestamp()`))
    // The writing transaction's id, so a sealer can sequence events in commit order.
    .addColumn('tx_id', sql`xid8`, (col) => col.notNull().defaultTo(sql`pg_current_xact_id()`))
    .addColumn('actor_type', 'text', (col) =>
      col.notNull().check(sql`actor_type in ('staff','service','system','anonymous')`),
    )
    .addColumn('actor_id', 'text')
    .addColumn('actor_label', 'text')
    .addColumn('actor_roles', sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('action', 'text', (col) => col.notNull().check(sql`action ~ '^[a-z_]+(\\.[a-z_]+)+$'`))
    .addColumn('outcome', 'text', (col) => col.notNull().check(sql`outcome in ('success','denied','failure')`))
    .addColumn('target_type', 'text')
    .addColumn('target_id', 'text')
    .addColumn('case_id', 'uuid')
    .addColumn('grant_id', 'uuid')
    .addColumn('details', 'jsonb', (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('request_id', 'text')
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();

  for (const columns of [
    ['occurred_at', 'id'],
    ['actor_id', 'id'],
    ['action', 'id'],
    ['target_type', 'target_id', 'id'],
    ['case_id', 'id'],
    ['grant_id', 'id'],
  ]) {
    await db.schema.createIndex(`audit_event_${columns[0]}_idx`).on('audit_event').columns(columns).execute();
  }

  // Append-only even for the table owner; role-level grants come with the audit-chain work.
  await sql`
    create function audit_event_refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_event is append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
    end $$`.execute(db);
  await sql`
    create trigger audit_event_no_update_delete before update or delete on audit_event
    for each row execute function audit_event_refuse_change()`.execute(db);
  await sql`
    create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_refuse_change()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('audit_event').execute();
  await sql`drop function audit_event_refuse_change()`.execute(db);
}

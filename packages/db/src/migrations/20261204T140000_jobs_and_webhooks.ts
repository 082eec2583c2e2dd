import { type Kysely, sql } from 'kysely';

// Background work and outbound events (ADR 025, ADR 026): a job table claimed with
// `FOR UPDATE SKIP LOCKED` under a lease, the outbox written in each action's transaction, and
// one delivery row per (event, endpoint) that the delivery worker claims the same way.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('job')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('name', 'text', (col) => col.notNull())
    // Enqueuing a key twice is a no-op: the idempotency of events and of recurring slots.
    .addColumn('key', 'text', (col) => col.notNull().unique())
    .addColumn('payload', 'jsonb', (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('run_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (col) => col.notNull().defaultTo(10))
    // A claim holds the job until then; a process killed mid-job leaves it to the next claim.
    .addColumn('locked_until', 'timestamptz')
    .addColumn('locked_by', 'text')
    .addColumn('last_error', 'text')
    .addColumn('finished_at', 'timestamptz')
    .addColumn('outcome', 'text', (col) => col.check(sql`outcome in ('done', 'failed')`))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index job_due_idx on job (run_at) where finished_at is null`.execute(db);

  await db.schema
    .createTable('webhook_endpoint')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('url', 'text', (col) => col.notNull().check(sql`url ~ '^https?://'`))
    .addColumn('description', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('event_types', sql`text[]`, (col) => col.notNull())
    // The whsec_ signing secret sealed under the key-encryption key, never stored in clear.
    .addColumn('secret_sealed', 'bytea', (col) => col.notNull())
    .addColumn('kek_version', 'integer', (col) => col.notNull())
    .addColumn('secret_rotated_at', 'timestamptz')
    .addColumn('disabled_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('outbox_event')
    // The event id is the `webhook-id` every delivery of it carries: receivers dedupe on it.
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('seq', 'bigint', (col) => col.notNull().unique().generatedAlwaysAsIdentity())
    .addColumn('type', 'text', (col) => col.notNull())
    // Whose events must arrive in order, e.g. `account:<platform id>`.
    .addColumn('subject', 'text', (col) => col.notNull())
    .addColumn('payload', 'jsonb', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('webhook_delivery')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('event_id', 'uuid', (col) => col.notNull().references('outbox_event.id'))
    .addColumn('endpoint_id', 'uuid', (col) => col.notNull().references('webhook_endpoint.id'))
    // Copied from the event so the per-subject ordering check reads one table.
    .addColumn('event_seq', 'bigint', (col) => col.notNull())
    .addColumn('subject', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) =>
      col.notNull().defaultTo('pending').check(sql`status in ('pending', 'delivered', 'dead')`),
    )
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('locked_until', 'timestamptz')
    .addColumn('locked_by', 'text')
    .addColumn('last_status_code', 'integer')
    .addColumn('last_latency_ms', 'integer')
    // A short reason (status line, timeout, refused connection); never the receiver's body.
    .addColumn('last_error', 'text')
    .addColumn('last_attempt_at', 'timestamptz')
    .addColumn('delivered_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('webhook_delivery_event_endpoint_key', ['event_id', 'endpoint_id'])
    .execute();
  // The claim looks for due heads of each (endpoint, subject) line.
  await sql`create index webhook_delivery_pending_idx on webhook_delivery (endpoint_id, subject, event_seq)
    where status = 'pending'`.execute(db);
  await sql`create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at) where status = 'pending'`.execute(
    db,
  );
  await sql`create index webhook_delivery_log_idx on webhook_delivery (endpoint_id, created_at desc, id desc)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('webhook_delivery').execute();
  await db.schema.dropTable('outbox_event').execute();
  await db.schema.dropTable('webhook_endpoint').execute();
  await db.schema.dropTable('job').execute();
}

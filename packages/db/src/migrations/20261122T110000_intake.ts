import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('service_account')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('key_id', 'text', (col) => col.notNull().unique())
    // The HMAC secret sealed under the key-encryption key (AES-256-GCM), never stored in clear.
    .addColumn('secret_sealed', 'bytea', (col) => col.notNull())
    .addColumn('kek_version', 'integer', (col) => col.notNull())
    .addColumn('disabled_at', 'timestamptz')
    .addColumn('last_used_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();

  // Signatures seen inside the replay window; a second use of one is a replay.
  await db.schema
    .createTable('service_request_signature')
    .addColumn('signature', 'bytea', (col) => col.primaryKey())
    .addColumn('service_account_id', 'uuid', (col) => col.notNull())
    .addColumn('received_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('service_request_signature_received_at_idx')
    .on('service_request_signature')
    .column('received_at')
    .execute();

  await db.schema
    .createTable('platform_account')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('handle', 'text', (col) => col.notNull())
    .addColumn('age_band', 'text', (col) => col.notNull().check(sql`age_band in ('minor','adult','unknown')`))
    .addColumn('platform_created_at', 'timestamptz')
    .addColumn('first_seen_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('conversation')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('participant_ids', sql`text[]`, (col) => col.notNull())
    // The conversation's data key, wrapped by KEK `kek_version` (nonce ‖ ciphertext ‖ tag).
    .addColumn('dek_wrapped', 'bytea', (col) => col.notNull())
    .addColumn('kek_version', 'integer', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('conversation_kek_version_idx').on('conversation').column('kek_version').execute();

  await db.schema
    .createTable('message')
    // No foreign key: intake writes a conversation and its messages in one transaction and
    // nothing else writes messages, while a per-row key check doubles the bulk insert's cost.
    .addColumn('conversation_id', 'text', (col) => col.notNull())
    .addColumn('id', 'text', (col) => col.notNull())
    .addColumn('sender_id', 'text', (col) => col.notNull())
    .addColumn('sent_at', 'timestamptz', (col) => col.notNull())
    .addColumn('body_nonce', 'bytea', (col) => col.notNull())
    .addColumn('body_ciphertext', 'bytea', (col) => col.notNull())
    .addColumn('received_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('message_pkey', ['conversation_id', 'id'])
    .execute();
  // No second index on message: every read is by conversation (the primary key's prefix) and
  // sorts that conversation's rows, while intake's insert rate pays for every extra index.

  await db.schema
    .createTable('queue')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('categories', sql`text[]`, (col) => col.notNull())
    .addColumn('sla_minutes', 'integer', (col) => col.notNull().check(sql`sla_minutes > 0`))
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`
    insert into queue (id, name, categories, sla_minutes, position) values
      ('urgent', 'Urgent', array['child_safety','grooming','sextortion','violent_threat','self_harm'], 60, 1),
      ('harassment_hate', 'Harassment & hate', array['harassment','hate'], 24 * 60, 2),
      ('scams_spam', 'Scams & spam', array['scam_fraud','spam'], 48 * 60, 3),
      ('other', 'Other', array['other'], 72 * 60, 4)`.execute(db);

  await db.schema
    .createTable('case')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('conversation_id', 'text', (col) => col.notNull().references('conversation.id'))
    .addColumn('queue_id', 'text', (col) => col.notNull().references('queue.id'))
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('open').check(sql`status in ('open','decided')`))
    .addColumn('category', 'text', (col) => col.notNull())
    .addColumn('urgent', 'boolean', (col) => col.notNull())
    .addColumn('involves_minor', 'boolean', (col) => col.notNull())
    .addColumn('report_count', 'integer', (col) => col.notNull())
    // Higher is sooner: urgent category, then minors involved, then how many reports (capped);
    // age breaks ties (opened_at). Generated, so intake never computes it twice.
    .addColumn('priority', 'integer', (col) =>
      col
        .notNull()
        .generatedAlwaysAs(
          sql`(case when urgent then 2000 else 0 end) + (case when involves_minor then 1000 else 0 end) + least(report_count, 999)`,
        )
        .stored(),
    )
    .addColumn('opened_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('last_report_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('sla_due_at', 'timestamptz', (col) => col.notNull())
    .addColumn('decided_at', 'timestamptz')
    .execute();
  // At most one open case per conversation: concurrent intake converges on it via ON CONFLICT.
  await sql`create unique index case_one_open_per_conversation on "case" (conversation_id) where status = 'open'`.execute(
    db,
  );
  await sql`create index case_open_queue_order_idx on "case" (queue_id, priority desc, opened_at) where status = 'open'`.execute(
    db,
  );

  await db.schema
    .createTable('report')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('service_account_id', 'uuid', (col) => col.notNull().references('service_account.id'))
    .addColumn('external_id', 'text', (col) => col.notNull())
    .addColumn('source', 'text', (col) =>
      col.notNull().check(sql`source in ('user_report','legal_request','automated')`),
    )
    .addColumn('category', 'text', (col) => col.notNull())
    .addColumn('case_id', 'uuid', (col) => col.notNull().references('case.id'))
    .addColumn('conversation_id', 'text', (col) => col.notNull().references('conversation.id'))
    .addColumn('reporter_id', 'text')
    .addColumn('reported_account_id', 'text', (col) => col.notNull())
    .addColumn('reported_message_ids', sql`text[]`, (col) => col.notNull())
    .addColumn('reporter_text_nonce', 'bytea', (col) => col.notNull())
    .addColumn('reporter_text_ciphertext', 'bytea', (col) => col.notNull())
    // SHA-256 of the validated payload: a resend with the same external id must match it.
    .addColumn('payload_hash', 'bytea', (col) => col.notNull())
    .addColumn('received_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('report_external_id_unique', ['service_account_id', 'external_id'])
    .execute();
  await db.schema.createIndex('report_case_id_idx').on('report').column('case_id').execute();
  await db.schema.createIndex('report_conversation_id_idx').on('report').column('conversation_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['report', 'case', 'queue', 'message', 'conversation', 'platform_account']) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.dropTable('service_request_signature').execute();
  await db.schema.dropTable('service_account').execute();
}

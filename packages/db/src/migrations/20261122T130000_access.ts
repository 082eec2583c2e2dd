import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('access_request')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('case_id', 'uuid', (col) => col.notNull().references('case.id'))
    .addColumn('conversation_id', 'text', (col) => col.notNull().references('conversation.id'))
    .addColumn('requester_id', 'uuid', (col) => col.notNull().references('staff_user.id'))
    .addColumn('justification_code', 'text', (col) =>
      col
        .notNull()
        .check(
          sql`justification_code in ('USER_REPORT','LEGAL_REQUEST','CHILD_SAFETY_ESCALATION','IMMINENT_HARM','APPEAL_REVIEW','OWN_INITIATIVE_REVIEW')`,
        ),
    )
    .addColumn('justification', 'text', (col) => col.notNull())
    .addColumn('scope', 'jsonb', (col) => col.notNull())
    .addColumn('requested_minutes', 'integer', (col) => col.notNull())
    .addColumn('status', 'text', (col) =>
      col.notNull().defaultTo('pending').check(sql`status in ('pending','approved','denied','cancelled','expired')`),
    )
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    // Judged by the database clock: a pending request past this grants nothing, job or no job.
    .addColumn('pending_until', 'timestamptz', (col) => col.notNull())
    .addColumn('decided_by', 'uuid', (col) => col.references('staff_user.id'))
    .addColumn('decided_at', 'timestamptz')
    .addColumn('decision_reason', 'text')
    .execute();
  // One open request per reviewer per case.
  await sql`create unique index access_request_one_pending on access_request (case_id, requester_id) where status = 'pending'`.execute(
    db,
  );
  await sql`create index access_request_pending_idx on access_request (created_at) where status = 'pending'`.execute(
    db,
  );
  await db.schema
    .createIndex('access_request_requester_idx')
    .on('access_request')
    .columns(['requester_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('access_grant')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('request_id', 'uuid', (col) => col.references('access_request.id').unique())
    .addColumn('case_id', 'uuid', (col) => col.notNull().references('case.id'))
    .addColumn('conversation_id', 'text', (col) => col.notNull().references('conversation.id'))
    .addColumn('grantee_id', 'uuid', (col) => col.notNull().references('staff_user.id'))
    .addColumn('scope', 'jsonb', (col) => col.notNull())
    .addColumn('starts_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (col) => col.notNull())
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('revoked_by', 'uuid', (col) => col.references('staff_user.id'))
    .addColumn('break_glass', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('break_glass_justification', 'text')
    .addColumn('reviewed_by', 'uuid', (col) => col.references('staff_user.id'))
    .addColumn('reviewed_at', 'timestamptz')
    .addColumn('review_outcome', 'text', (col) => col.check(sql`review_outcome in ('justified','unjustified')`))
    .addColumn('review_note', 'text')
    .addCheckConstraint(
      'access_grant_break_glass_has_reason',
      sql`not break_glass or break_glass_justification is not null`,
    )
    .execute();
  await db.schema
    .createIndex('access_grant_grantee_idx')
    .on('access_grant')
    .columns(['grantee_id', 'case_id', 'expires_at'])
    .execute();
  await sql`create index access_grant_break_glass_unreviewed on access_grant (starts_at) where break_glass and reviewed_at is null`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('access_grant').execute();
  await db.schema.dropTable('access_request').execute();
}

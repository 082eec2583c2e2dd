import { type Kysely, sql } from 'kysely';

// Finding cases (issue 14): a queue's case list in each of its orders, and search by account,
// handle and external report id, each a short index walk rather than a scan of every case.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index case_find_priority_idx on "case" (queue_id, status, priority desc, opened_at, id)`.execute(db);
  await sql`create index case_find_opened_idx on "case" (queue_id, status, opened_at, id)`.execute(db);
  await sql`create index case_find_sla_idx on "case" (queue_id, status, sla_due_at, id)`.execute(db);
  // case_conversation_idx (search by conversation id) already exists: retention made it (20261205T100000).
  await sql`create index report_reported_account_idx on report (reported_account_id, case_id)`.execute(db);
  await sql`create index report_reporter_idx on report (reporter_id, case_id) where reporter_id is not null`.execute(
    db,
  );
  await sql`create index report_external_id_idx on report (external_id)`.execute(db);
  await sql`create index platform_account_handle_idx on platform_account (handle)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const index of [
    'platform_account_handle_idx',
    'report_external_id_idx',
    'report_reporter_idx',
    'report_reported_account_idx',
    'case_find_sla_idx',
    'case_find_opened_idx',
    'case_find_priority_idx',
  ]) {
    await sql`drop index if exists ${sql.ref(index)}`.execute(db);
  }
}

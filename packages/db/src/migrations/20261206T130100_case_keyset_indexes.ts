import { type Kysely, sql } from 'kysely';

// A queue's cases at any depth (issue 14: p99 ≤ 50 ms per page at 1,000,000 cases). Priority order
// is priority descending then age ascending: its keyset is the row comparison
// (-priority, opened_at, id) > (…), which an index can seek to only when it holds -priority itself
// (a `priority desc` column cannot answer a row comparison). Find's default status is "any", so
// each order also has an index by queue alone; with only the (queue, status, …) ones, "any" sorted
// the whole queue for every page.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists case_find_priority_idx`.execute(db);
  await sql`create index case_find_priority_idx on "case" (queue_id, status, (-priority), opened_at, id)`.execute(db);
  await sql`create index case_find_any_priority_idx on "case" (queue_id, (-priority), opened_at, id)`.execute(db);
  await sql`create index case_find_any_opened_idx on "case" (queue_id, opened_at, id)`.execute(db);
  await sql`create index case_find_any_sla_idx on "case" (queue_id, sla_due_at, id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const index of ['case_find_any_sla_idx', 'case_find_any_opened_idx', 'case_find_any_priority_idx']) {
    await sql`drop index if exists ${sql.ref(index)}`.execute(db);
  }
  await sql`drop index if exists case_find_priority_idx`.execute(db);
  await sql`create index case_find_priority_idx on "case" (queue_id, status, priority desc, opened_at, id)`.execute(db);
}

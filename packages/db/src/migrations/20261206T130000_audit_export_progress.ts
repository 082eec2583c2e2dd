import { type Kysely, sql } from 'kysely';

// An audit export saved straight to disk by the browser's own download (issue 14): the page never
// sees the bytes, so it follows the export's progress here, by an id it chose before asking. Any
// replica may serve the download and any other the polls; the row is all they share.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table audit_export_progress (
    id uuid primary key,
    staff_id uuid not null references staff_user (id),
    lines_total bigint check (lines_total >= 0),
    lines_sent bigint not null default 0 check (lines_sent >= 0),
    bytes_sent bigint not null default 0 check (bytes_sent >= 0),
    status text not null default 'running' check (status in ('running', 'done', 'failed')),
    problem jsonb,
    started_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`.execute(db);
  await sql`create index audit_export_progress_started on audit_export_progress (started_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table audit_export_progress`.execute(db);
}

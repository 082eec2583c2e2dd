import { type Kysely, sql } from 'kysely';

// Published transparency reports (ADR 042): every version of every period is kept, byte for byte as
// served, with its hash and the checkpoint it was computed against. A correction is a new version;
// nothing published is ever changed or removed, by the application or by the owner.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table transparency_report (
    id uuid primary key default gen_random_uuid(),
    period_from timestamptz not null,
    period_to timestamptz not null check (period_to > period_from),
    label text not null,
    version integer not null check (version >= 1),
    report_json text not null,
    sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
    checkpoint_seq bigint not null check (checkpoint_seq >= 1),
    published_by uuid not null references staff_user (id),
    published_at timestamptz not null default now(),
    unique (period_from, period_to, version)
  )`.execute(db);
  await sql`create index transparency_report_published_idx on transparency_report (published_at desc, id)`.execute(db);
  await sql`
    create function transparency_report_refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception 'transparency_report is append-only: publish a correction as a new version (% refused)', tg_op
        using errcode = 'insufficient_privilege';
    end $$`.execute(db);
  await sql`
    create trigger transparency_report_no_update_delete before update or delete on transparency_report
    for each row execute function transparency_report_refuse_change()`.execute(db);
  await sql`
    create trigger transparency_report_no_truncate before truncate on transparency_report
    for each statement execute function transparency_report_refuse_change()`.execute(db);
  // The application's role publishes and reads; it never rewrites (a second wall behind the trigger).
  await sql`do $$ begin
    if exists (select 1 from pg_roles where rolname = 'docket_app') then
      revoke update, delete, truncate on transparency_report from docket_app;
    end if;
  end $$`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table transparency_report`.execute(db);
  await sql`drop function transparency_report_refuse_change()`.execute(db);
}

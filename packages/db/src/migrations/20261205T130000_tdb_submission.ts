import { type Kysely, sql } from 'kysely';

// Each statement of reasons goes to the EU Transparency Database (DSA Art. 24(5), ADR 036): one
// submission row per statement, its puid fixed once, its status reconciled from the database's
// answer. Statements themselves stay untouched (ADR 028).

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table tdb_submission (
    decision_id uuid primary key references statement_of_reasons (decision_id),
    puid text not null unique check (puid ~ '^[a-zA-Z0-9_-]+$' and length(puid) <= 500),
    status text not null default 'pending' check (status in ('pending', 'accepted', 'rejected')),
    attempts integer not null default 0 check (attempts >= 0),
    next_attempt_at timestamptz not null default now(),
    leased_until timestamptz,
    last_attempt_at timestamptz,
    last_error text,
    errors jsonb,
    redactions integer not null default 0 check (redactions >= 0),
    tdb_uuid text,
    accepted_at timestamptz,
    created_at timestamptz not null default now(),
    constraint tdb_submission_accepted_when check ((status = 'accepted') = (accepted_at is not null)),
    constraint tdb_submission_rejected_why check (status <> 'rejected' or errors is not null)
  )`.execute(db);
  await sql`create index tdb_submission_due on tdb_submission (next_attempt_at) where status = 'pending'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table tdb_submission`.execute(db);
}

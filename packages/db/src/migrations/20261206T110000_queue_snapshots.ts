import { type Kysely, sql } from 'kysely';

// The supervisors' dashboard (issue 14, item 4). A queue's depth at a past moment cannot be
// recomputed from case rows (cases move queues on escalation and at intake, and go back to open
// when a confirmation is rejected), so a recurring job records each queue's counts once per
// interval. The other figures come from decisions, requests and grants, which keep their times.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table queue_snapshot (
      slot_at timestamptz not null,
      queue_id text not null,
      open_cases integer not null check (open_cases >= 0),
      in_review integer not null check (in_review >= 0),
      sla_breached integer not null check (sla_breached >= 0),
      oldest_opened_at timestamptz,
      taken_at timestamptz not null default now(),
      primary key (slot_at, queue_id)
    )`.execute(db);
  // Per-reviewer figures over a period: decisions by day, requests filed.
  await sql`create index decision_decided_at_idx on decision (decided_at, decided_by)`.execute(db);
  await sql`create index access_request_created_at_idx on access_request (created_at, requester_id)`.execute(db);
  // SLA breaches by the day each case fell due.
  await sql`create index case_sla_due_idx on "case" (sla_due_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists case_sla_due_idx`.execute(db);
  await sql`drop index if exists access_request_created_at_idx`.execute(db);
  await sql`drop index if exists decision_decided_at_idx`.execute(db);
  await sql`drop table if exists queue_snapshot`.execute(db);
}

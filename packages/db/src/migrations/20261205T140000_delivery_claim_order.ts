import { type Kysely, sql } from 'kysely';

// The delivery claim walks pending deliveries in (next_attempt_at, event_seq) order and stops at
// its batch: an index in that order lets it stop early instead of sorting every pending row of a
// backlog on each claim.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop index webhook_delivery_due_idx`.execute(db);
  await sql`create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at, event_seq)
    where status = 'pending'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index webhook_delivery_due_idx`.execute(db);
  await sql`create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at) where status = 'pending'`.execute(
    db,
  );
}

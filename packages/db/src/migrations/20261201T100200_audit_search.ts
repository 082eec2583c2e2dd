import type { Kysely } from 'kysely';

// Auditors search by username (the actor's label) and review grants by when they started.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('audit_event_actor_label_idx').on('audit_event').columns(['actor_label', 'id']).execute();
  await db.schema.createIndex('access_grant_starts_at_idx').on('access_grant').columns(['starts_at', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('access_grant_starts_at_idx').execute();
  await db.schema.dropIndex('audit_event_actor_label_idx').execute();
}

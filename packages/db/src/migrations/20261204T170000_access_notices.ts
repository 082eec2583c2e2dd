import { type Kysely, sql } from 'kysely';

// Who was told that their conversation was read (DSA-style access notices, ADR 029): one row per
// grant and participant, so a job run twice (at-least-once) tells nobody twice.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('access_notice')
    .addColumn('grant_id', 'uuid', (col) => col.notNull().references('access_grant.id'))
    .addColumn('account_id', 'text', (col) => col.notNull())
    .addColumn('sent_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('access_notice_pkey', ['grant_id', 'account_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('access_notice').execute();
}

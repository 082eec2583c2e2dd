import type { Database } from '@docket/db';
import { type Kysely, sql } from 'kysely';

/**
 * How PostgreSQL has planned the named (prepared) statements on this connection that contain
 * `fragment`: a statement planned once shows generic plans after its first five runs; one that
 * still shows only custom plans is planned again on every run (ADR 057).
 */
export async function plansOf(db: Kysely<Database>, fragment: string) {
  const { rows } = await sql<{ generic: number; custom: number }>`
    select generic_plans::int as generic, custom_plans::int as custom from pg_prepared_statements
    where from_sql is false and position(${fragment} in statement) > 0`.execute(db);
  return rows;
}

import { type Kysely, type MigrationResult, Migrator, sql } from 'kysely';
import { migrations } from './migrations';
import type { Database } from './schema';

/** Brings the schema to the newest migration; throws (naming the migration) if one fails. */
export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationResult[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) {
    const failed = results.find((result) => result.status === 'Error');
    throw new Error(`migration ${failed?.migrationName ?? '(unknown)'} failed: ${String(error)}`, {
      cause: error,
    });
  }
  return results;
}

/**
 * Migrations this code knows that the database has not run (readiness: a replica of newer code
 * than its schema is not ready). Empty when the schema is current.
 */
export async function pendingMigrations(db: Kysely<Database>): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
  const applied = new Set(rows.map((row) => row.name));
  return Object.keys(migrations).filter((name) => !applied.has(name));
}

/**
 * At start: the keyring must open this database's content. A database restored without its
 * keyring (or with another one) would otherwise start and fail every read with a 500; it must
 * not start at all, and say why.
 */
import type { Database } from '@docket/db';
import { type Kysely, sql } from 'kysely';
import { unwrapDataKey } from './envelope';
import type { Keyring } from './keyring';

/** One wrapped data key per KEK version in use, unwrapped; throws naming the version that fails. */
export async function checkKeyringOpensDatabase(db: Kysely<Database>, keyring: Keyring, where: string): Promise<void> {
  const { rows } = await sql<{ id: string; kek_version: number; dek_wrapped: Buffer }>`
    select distinct on (kek_version) id, kek_version, dek_wrapped from conversation order by kek_version, id`.execute(
    db,
  );
  for (const row of rows) {
    try {
      unwrapDataKey(keyring, row.id, row.kek_version, row.dek_wrapped);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(
        `the keyring (${where}) cannot open this database's content: a data key wrapped by key version ` +
          `${row.kek_version} does not unwrap (${reason}). Start with the keyring that belongs with this ` +
          'database (restore it with the database backup).',
      );
    }
  }
}

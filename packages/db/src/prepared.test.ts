import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { PREPARED } from './prepared';
import { useTestDatabase } from './testing/vitest';

const server = useTestDatabase();

describe('statements marked PREPARED', () => {
  it('are parsed once per connection and kept, with their results as usual; others are not', async () => {
    await server.connection.db.connection().execute(async (db) => {
      const marked = (n: number) => sql<{ n: number }>`${sql.raw(PREPARED)} select ${n}::int + 1 as n`.execute(db);
      expect((await marked(1)).rows).toEqual([{ n: 2 }]);
      expect((await marked(41)).rows).toEqual([{ n: 42 }]);
      await sql`select ${1}::int as plain`.execute(db);
      const kept = await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(db);
      expect(kept.rows).toEqual([
        { statement: expect.stringMatching(/^\/\* prepared \*\/ select \$1::int \+ 1 as n$/) },
      ]);
    });
  });

  it('fail like any statement, and the connection goes on', async () => {
    await server.connection.db.connection().execute(async (db) => {
      await expect(sql`${sql.raw(PREPARED)} select 1 / ${0}::int`.execute(db)).rejects.toThrow(/division by zero/);
      expect((await sql<{ n: number }>`${sql.raw(PREPARED)} select 1 / ${1}::int as n`.execute(db)).rows).toEqual([
        { n: 1 },
      ]);
    });
  });
});

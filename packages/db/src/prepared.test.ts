import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { prepared } from './prepared';
import { useTestDatabase } from './testing/vitest';

const server = useTestDatabase();

const preparedOnThisConnection = sql<{ statement: string }>`
  select statement from pg_prepared_statements where from_sql is false`;

describe('statements marked prepared', () => {
  it('are planned once per connection and answer each call with its own parameters', async () => {
    await server.connection.db.connection().execute(async (db) => {
      const square = (n: number) => sql<{ n: number }>`${prepared}select ${n}::int * ${n}::int as n`.execute(db);
      expect((await square(3)).rows).toEqual([{ n: 9 }]);
      expect((await square(4)).rows).toEqual([{ n: 16 }]);
      await sql`select 1 as unmarked`.execute(db);

      const { rows } = await preparedOnThisConnection.execute(db);
      expect(rows.map((row) => row.statement)).toEqual([expect.stringContaining('$1::int * $2::int')]);
    });
  });

  it('stop being prepared past a bound when their text keeps changing, and still run', async () => {
    await server.connection.db.connection().execute(async (db) => {
      for (let i = 0; i < 60; i++) {
        const { rows } = await sql<{ n: number }>`${prepared}select ${sql.lit(i)}::int as n`.execute(db);
        expect(rows).toEqual([{ n: i }]);
      }
      const { rows } = await preparedOnThisConnection.execute(db);
      expect(rows.length).toBeLessThanOrEqual(50);
    });
  });
});

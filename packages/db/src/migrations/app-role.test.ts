import { randomBytes } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { expect, it } from 'vitest';
import { connect } from '../connect';
import { useTestDatabase } from '../testing/vitest';
import { createRoleOnce } from './20261201T100100_app_role';

const server = useTestDatabase();

it('creates a role once however many databases race to create it', async () => {
  const role = `docket_race_${randomBytes(4).toString('hex')}`;
  const pool = await connect({ databaseUrl: server.url, poolSize: 6 });
  try {
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () =>
        pool.db.transaction().execute(async (trx) => {
          await createRoleOnce(trx as unknown as Kysely<unknown>, role);
          await sql`select pg_sleep(0.2)`.execute(trx); // hold the new row so the others collide with it
        }),
      ),
    );
    expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_roles where rolname = ${role}`.execute(
      pool.db,
    );
    expect(rows[0]?.n).toBe(1);
  } finally {
    await sql`drop role if exists ${sql.id(role)}`.execute(pool.db);
    await pool.close();
  }
});

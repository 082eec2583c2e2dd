/** Which errors mean "the database is unreachable just now" (retry), judged on real ones. */
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { connect } from './connect';
import { isDatabaseOutage } from './outage';
import { freePort } from './testing/server';
import { useTestDatabase } from './testing/vitest';

const server = useTestDatabase();

const failureOf = (work: Promise<unknown>) =>
  work.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error,
  );

it('counts a server nobody answers on as an outage', async () => {
  const nowhere = await connect({ databaseUrl: `postgres://postgres@127.0.0.1:${await freePort()}/none` });
  try {
    expect(isDatabaseOutage(await failureOf(sql`select 1`.execute(nowhere.db)))).toBe(true);
  } finally {
    await nowhere.close();
  }
});

it('counts a connection the server ended (admin shutdown, 57P01) as an outage', async () => {
  const victim = await connect({ databaseUrl: server.url, poolSize: 1 });
  try {
    const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(victim.db);
    const waiting = failureOf(sql`select pg_sleep(5)`.execute(victim.db));
    await new Promise((resolve) => setTimeout(resolve, 200));
    await sql`select pg_terminate_backend(${rows[0]?.pid})`.execute(server.connection.db);
    expect(isDatabaseOutage(await waiting)).toBe(true);
  } finally {
    await victim.close();
  }
});

it('leaves bugs and refused input alone: a syntax error, a broken constraint, a missing table', async () => {
  const db = server.connection.db;
  const errors = await Promise.all([
    failureOf(sql`selec 1`.execute(db)),
    failureOf(sql`select 1 / 0`.execute(db)),
    failureOf(sql`select * from no_such_table`.execute(db)),
    failureOf(
      db
        .insertInto('staff_user')
        .values({ username: null as never, display_name: 'x', password_hash: 'x', roles: [] })
        .execute(),
    ),
  ]);
  for (const error of errors) expect(isDatabaseOutage(error)).toBe(false);
  expect(isDatabaseOutage(new Error('something else'))).toBe(false);
});

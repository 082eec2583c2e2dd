import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Connection, connect } from './connect';
import { migrateToLatest } from './migrator';
import { useTestDatabase } from './testing/vitest';

const server = useTestDatabase();
const pgliteDir = mkdtempSync(path.join(tmpdir(), 'docket-pglite-'));
let pglite: Connection;

beforeAll(async () => {
  pglite = await connect({ dataDir: pgliteDir });
  await migrateToLatest(pglite.db);
});
afterAll(async () => {
  await pglite?.close();
  rmSync(pgliteDir, { recursive: true, force: true });
});

const backends = [
  ['PostgreSQL server', () => server.connection],
  ['embedded PGlite', () => pglite],
] as const;

async function insertStaff(connection: Connection, username: string) {
  await connection.db
    .insertInto('staff_user')
    .values({ username, display_name: username, password_hash: 'x', roles: ['reviewer'] })
    .execute();
}

async function staffNamed(connection: Connection, prefix: string) {
  const rows = await connection.db
    .selectFrom('staff_user')
    .select('username')
    .where('username', 'like', `${prefix}%`)
    .orderBy('username')
    .execute();
  return rows.map((row) => row.username);
}

describe.each(backends)('%s', (name, get) => {
  const prefix = name.startsWith('embedded') ? 'lite' : 'srv';

  it('runs the same migrations and reports itself', () => {
    expect(get().kind).toBe(name.startsWith('embedded') ? 'pglite' : 'postgres');
  });

  it('rolls a failed transaction back whole', async () => {
    await expect(
      get()
        .db.transaction()
        .execute(async (trx) => {
          await insertStaff({ ...get(), db: trx }, `${prefix}-rolled-back`);
          throw new Error('boom');
        }),
    ).rejects.toThrow('boom');
    expect(await staffNamed(get(), `${prefix}-rolled`)).toEqual([]);
  });

  it('keeps work before a savepoint when rolling back to it', async () => {
    const trx = await get().db.startTransaction().execute();
    await insertStaff({ ...get(), db: trx }, `${prefix}-kept`);
    const inner = await trx.savepoint('inner').execute();
    await insertStaff({ ...get(), db: inner }, `${prefix}-discarded`);
    await inner.rollbackToSavepoint('inner').execute();
    await trx.commit().execute();
    expect(await staffNamed(get(), `${prefix}-`)).toEqual([`${prefix}-kept`]);
  });

  it('never interleaves concurrent transactions', async () => {
    const results = await Promise.allSettled(
      [1, 2, 3, 4].map((n) =>
        get()
          .db.transaction()
          .execute(async (trx) => {
            await insertStaff({ ...get(), db: trx }, `${prefix}-c${n}`);
            if (n % 2 === 0) throw new Error('odd one out');
          }),
      ),
    );
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(2);
    expect(await staffNamed(get(), `${prefix}-c`)).toEqual([`${prefix}-c1`, `${prefix}-c3`]);
  });

  it('refuses to update, delete or truncate audit events, even as owner', async () => {
    await get()
      .db.insertInto('audit_event')
      .values({ actor_type: 'system', action: 'test.event', outcome: 'success' })
      .execute();
    await expect(sql`update audit_event set action = 'test.changed'`.execute(get().db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_event`.execute(get().db)).rejects.toThrow(/append-only/);
    // cascade: the sealed chain references audit_event, and its own triggers refuse as well.
    await expect(sql`truncate audit_event cascade`.execute(get().db)).rejects.toThrow(/append-only/);
  });

  it('creates the application role, which may only insert and select audit rows', async () => {
    await get()
      .db.transaction()
      .execute(async (trx) => {
        await sql`set local role docket_app`.execute(trx);
        await sql`insert into audit_event (actor_type, action, outcome) values ('system', 'test.as_app', 'success')`.execute(
          trx,
        );
        await expect(sql`update audit_event set action = 'test.changed'`.execute(trx)).rejects.toThrow(
          /permission denied/,
        );
      });
  });
});

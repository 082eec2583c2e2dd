/**
 * The application's database role: it reads and writes the application's tables but may only
 * INSERT and SELECT audit rows; the owner may do more, and the triggers still refuse changes.
 */
import { type Connection, connect, type Database } from '@docket/db';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { useTestApp } from '../testing/harness';
import { recordAuditEvent, SYSTEM_ACTOR } from './record';
import { sealPendingEvents } from './sealer';
import { registerSigningKeys } from './signing-keys';
import { verifyStoredChain } from './verify';

const t = useTestApp();
let app: Connection;

const AUDIT_TABLES = ['audit_event', 'audit_commit', 'audit_seal', 'audit_checkpoint', 'audit_signing_key'] as const;
const system = { actor: SYSTEM_ACTOR, requestId: null, ip: null, userAgent: null };

beforeAll(async () => {
  app = await connect({ databaseUrl: t.url, role: 'docket_app', poolSize: 4 });
  // Something in every audit table to refuse changes to.
  await recordAuditEvent(t.db, system, { action: 'test.role_setup' });
  await t.seal();
});
afterAll(async () => {
  await app?.close();
});

const run = (db: Kysely<Database>, statement: string) => sql.raw(statement).execute(db);

describe('as docket_app', () => {
  it('connects with that role and nothing more', async () => {
    const { rows } = await sql<{ role: string; superuser: string }>`
      select current_user as role, current_setting('is_superuser') as superuser`.execute(app.db);
    expect(rows[0]).toEqual({ role: 'docket_app', superuser: 'off' });
  });

  it.each(AUDIT_TABLES)('may not UPDATE, DELETE or TRUNCATE %s', async (table) => {
    const column = table === 'audit_signing_key' ? 'algorithm' : table === 'audit_commit' ? 'ticket' : 'seq';
    const update =
      table === 'audit_event'
        ? `update ${table} set action = 'test.changed'`
        : `update ${table} set ${column} = ${column}`;
    await expect(run(app.db, update)).rejects.toThrow(/permission denied/);
    await expect(run(app.db, `delete from ${table}`)).rejects.toThrow(/permission denied/);
    await expect(run(app.db, `truncate ${table}`)).rejects.toThrow(/permission denied/);
  });

  it('may INSERT into and SELECT from every audit table', async () => {
    for (const table of AUDIT_TABLES) await run(app.db, `select * from ${table} limit 1`);
    // In a transaction rolled back at the end: the privilege is what is being tested, not the rows.
    const trx = await app.db.startTransaction().execute();
    try {
      const event = await trx
        .insertInto('audit_event')
        .values({ actor_type: 'system', action: 'test.as_app', outcome: 'success' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await sql`insert into audit_commit default values`.execute(trx);
      await registerSigningKeys(trx, [t.signingKeys.current().key]);
      const zeros = Buffer.alloc(32);
      await sql`insert into audit_seal (seq, event_id, ticket, leaf, chain, record)
        values (1000000, ${event.id}, 0, ${zeros}, ${zeros}, '{}')`.execute(trx);
      await sql`insert into audit_checkpoint (seq, head, issued_at, key_id, signature)
        values (1000000, ${zeros}, date_trunc('milliseconds', now()), ${t.signingKeys.current().key.keyId}, ${Buffer.alloc(64)})`.execute(
        trx,
      );
    } finally {
      await trx.rollback().execute();
    }
  });

  it('may retire a signing key once, and change nothing else about it', async () => {
    const keyId = t.signingKeys.current().key.keyId;
    await expect(run(app.db, `update audit_signing_key set public_key = '\\x00'`)).rejects.toThrow(/permission denied/);
    const trx = await app.db.startTransaction().execute();
    try {
      await sql`update audit_signing_key set retired_at = now() where key_id = ${keyId}`.execute(trx);
      await expect(
        sql`update audit_signing_key set retired_at = now() where key_id = ${keyId}`.execute(trx),
      ).rejects.toThrow(/may only be retired, once/);
    } finally {
      await trx.rollback().execute();
    }
  });

  it('works the rest of the application: tables it reads and writes, sealing included', async () => {
    const asApp = createApp({ ...t.deps, db: app.db });
    const admin = await t.staff(['admin']);
    const signIn = await asApp.request('/api/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: admin.username, password: admin.password }),
    });
    expect(signIn.status).toBe(200);
    const round = await sealPendingEvents(app.db, t.signingKeys.current());
    expect(round).toMatchObject({ outcome: 'sealed' });
    expect((await verifyStoredChain(app.db)).problem).toBeNull();
    expect((await asApp.request('/api/audit/keys')).status).toBe(200);
  });

  it('cannot change the schema or the migration history', async () => {
    await expect(run(app.db, 'create table sneaky (x int)')).rejects.toThrow(/permission denied/);
    await expect(run(app.db, `delete from kysely_migration`)).rejects.toThrow(/permission denied/);
    await expect(run(app.db, `alter table audit_seal disable trigger all`)).rejects.toThrow(/must be owner/);
  });

  it('gets the tables the owner creates later, with every right but TRUNCATE', async () => {
    await run(t.db, 'create table later_feature (id serial primary key, note text)');
    await run(app.db, `insert into later_feature (note) values ('a')`);
    await run(app.db, `update later_feature set note = 'b'`);
    await run(app.db, 'delete from later_feature');
    await expect(run(app.db, 'truncate later_feature')).rejects.toThrow(/permission denied/);
  });
});

describe('as the owner', () => {
  it.each(AUDIT_TABLES.filter((table) => table !== 'audit_signing_key'))(
    'is refused changes to %s by its triggers',
    async (table) => {
      const column = table === 'audit_commit' ? 'ticket' : table === 'audit_event' ? 'action' : 'seq';
      await expect(run(t.db, `update ${table} set ${column} = ${column}`)).rejects.toThrow(/append-only/);
      await expect(run(t.db, `delete from ${table}`)).rejects.toThrow(/append-only/);
      await expect(run(t.db, `truncate ${table} cascade`)).rejects.toThrow(/append-only/);
    },
  );

  it('may not remove a signing key or change it beyond retiring it', async () => {
    await expect(run(t.db, 'delete from audit_signing_key')).rejects.toThrow(/append-only/);
    await expect(run(t.db, `update audit_signing_key set public_key = public_key || ''`)).rejects.toThrow(
      /append-only/,
    );
    await expect(run(t.db, 'truncate audit_signing_key cascade')).rejects.toThrow(/append-only/);
  });

  it('cannot forge a ticket: a hand-written one gets the real transaction and the next number', async () => {
    const { rows } = await sql<{ tx_id: string; ticket: string; current: string; issued: string }>`
      with inserted as (insert into audit_commit (tx_id, ticket) values ('1', 1) returning tx_id::text, ticket::text)
      select tx_id, ticket, pg_current_xact_id()::text as current,
             (select last_value::text from audit_commit_order) as issued from inserted`.execute(t.db);
    expect(rows[0]?.tx_id).toBe(rows[0]?.current);
    expect(rows[0]?.ticket).toBe(rows[0]?.issued);
    await expect(
      run(
        t.db,
        `insert into audit_event (actor_type, action, outcome, tx_id) values ('system', 'test.forged', 'success', '5')`,
      ),
    ).rejects.toThrow(/must be the writing transaction/);
  });
});

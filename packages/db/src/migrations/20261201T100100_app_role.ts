import { type Kysely, sql } from 'kysely';

// The application's role (DESIGN §6): `docket_app` reads and writes the application's tables, but
// may only INSERT and SELECT audit rows. Deployments log the API in as a member of it
// (DATABASE_ROLE=docket_app), while migrations run as the owner, which keeps every other right.

const AUDIT_TABLES = ['audit_event', 'audit_commit', 'audit_seal', 'audit_checkpoint', 'audit_signing_key'];
const MIGRATION_TABLES = ['kysely_migration', 'kysely_migration_lock'];

export async function up(db: Kysely<unknown>): Promise<void> {
  await createRoleOnce(db, 'docket_app');

  const schema = sql.id(await currentSchema(db));
  await sql`grant usage on schema ${schema} to docket_app`.execute(db);
  const { rows: tables } = await sql<{ name: string }>`
    select tablename as name from pg_tables where schemaname = current_schema() order by tablename`.execute(db);
  for (const { name } of tables) {
    if (AUDIT_TABLES.includes(name) || MIGRATION_TABLES.includes(name)) continue;
    await sql`grant select, insert, update, delete on ${sql.table(name)} to docket_app`.execute(db);
  }

  // Enough to see that the schema is current, never to change it.
  for (const table of MIGRATION_TABLES) {
    await sql`grant select on ${sql.table(table)} to docket_app`.execute(db);
  }
  for (const table of AUDIT_TABLES) {
    await sql`grant select, insert on ${sql.table(table)} to docket_app`.execute(db);
  }
  // Retiring a key is the one change the signing key table allows (its trigger allows it once).
  await sql`grant update (retired_at) on audit_signing_key to docket_app`.execute(db);
  await sql`grant usage, select on all sequences in schema ${schema} to docket_app`.execute(db);

  // Tables and sequences the owner creates later are the application's too. A later audit
  // table must revoke UPDATE and DELETE in its own migration.
  await sql`alter default privileges in schema ${schema} grant select, insert, update, delete on tables to docket_app`.execute(
    db,
  );
  await sql`alter default privileges in schema ${schema} grant usage, select on sequences to docket_app`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // The role itself stays: it is shared by every database on the server.
  const schema = sql.id(await currentSchema(db));
  await sql`alter default privileges in schema ${schema} revoke all on tables from docket_app`.execute(db);
  await sql`alter default privileges in schema ${schema} revoke all on sequences from docket_app`.execute(db);
  await sql`revoke all on all tables in schema ${schema} from docket_app`.execute(db);
  await sql`revoke all on all sequences in schema ${schema} from docket_app`.execute(db);
  await sql`revoke usage on schema ${schema} from docket_app`.execute(db);
}

/**
 * Roles belong to the whole server, and many databases may migrate at once (one per test file):
 * whoever loses the race to create it finds it made. An owner without CREATEROLE can still
 * migrate once an administrator has created the role.
 */
export async function createRoleOnce(db: Kysely<unknown>, role: string): Promise<void> {
  await sql`
    do $$
    begin
      if not exists (select 1 from pg_roles where rolname = ${sql.lit(role)}) then
        begin
          create role ${sql.id(role)} nologin;
        exception when duplicate_object or unique_violation then
          null;
        end;
      end if;
    end $$`.execute(db);
}

async function currentSchema(db: Kysely<unknown>): Promise<string> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return rows[0]?.schema ?? 'public';
}

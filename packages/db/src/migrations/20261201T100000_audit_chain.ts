import { type Kysely, sql } from 'kysely';

// The audit chain's storage (ADR 013): commit tickets, sealed positions with their hashes, signed
// checkpoints and the signing keys that verify them. Every table here is append-only.

export async function up(db: Kysely<unknown>): Promise<void> {
  // cache 1: the sealer reads last_value as "every ticket handed out so far"; a per-session cache
  // would hand out numbers that last_value has already passed.
  await sql`create sequence audit_commit_order as bigint cache 1`.execute(db);

  await db.schema
    .createTable('audit_commit')
    .addColumn('tx_id', sql`xid8`, (col) => col.primaryKey())
    .addColumn('ticket', 'bigint', (col) => col.notNull().unique())
    .execute();

  // Events written before this migration: one ticket per transaction, in order of first event.
  await sql`
    insert into audit_commit (tx_id, ticket)
    select tx_id, row_number() over (order by min(id)) from audit_event group by tx_id`.execute(db);
  await sql`
    select setval('audit_commit_order', coalesce(max(ticket), 1), max(ticket) is not null)
    from audit_commit`.execute(db);

  // Whoever inserts a ticket gets the real one: its own transaction and the next number, so even
  // a hand-written insert cannot place a transaction anywhere but at its commit.
  await sql`
    create function audit_commit_assign() returns trigger language plpgsql as $$
    begin
      new.tx_id := pg_current_xact_id();
      new.ticket := nextval('audit_commit_order');
      return new;
    end $$`.execute(db);
  await sql`
    create trigger audit_commit_assign before insert on audit_commit
    for each row execute function audit_commit_assign()`.execute(db);

  // Runs at COMMIT, once per event row; the transaction-local flag makes every row after the
  // first a function call without a query.
  await sql`
    create function audit_event_take_ticket() returns trigger language plpgsql as $$
    begin
      if new.tx_id <> pg_current_xact_id() then
        raise exception 'audit_event.tx_id must be the writing transaction (got %)', new.tx_id
          using errcode = 'check_violation';
      end if;
      if current_setting('docket.audit_ticket_taken', true) is distinct from 'yes' then
        insert into audit_commit default values on conflict (tx_id) do nothing;
        perform set_config('docket.audit_ticket_taken', 'yes', true);
      end if;
      return null;
    end $$`.execute(db);
  await sql`
    create constraint trigger audit_event_take_ticket after insert on audit_event
    deferrable initially deferred for each row execute function audit_event_take_ticket()`.execute(db);
  await sql`create index audit_event_tx_id_idx on audit_event (tx_id)`.execute(db);

  await db.schema
    .createTable('audit_signing_key')
    .addColumn('key_id', 'text', (col) => col.primaryKey())
    .addColumn('algorithm', 'text', (col) => col.notNull().check(sql`algorithm = 'Ed25519'`))
    .addColumn('public_key', 'bytea', (col) => col.notNull().check(sql`length(public_key) = 32`))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('retired_at', 'timestamptz')
    .execute();

  await db.schema
    .createTable('audit_seal')
    .addColumn('seq', 'bigint', (col) => col.primaryKey().check(sql`seq > 0`))
    // No foreign key: audit_event rows cannot be deleted (its triggers), and a key check per sealed
    // row locks and re-dirties every event row, about half of what inserting a seal costs. The
    // stored-chain check reports a seal whose event is gone.
    .addColumn('event_id', 'bigint', (col) => col.notNull().unique())
    .addColumn('ticket', 'bigint', (col) => col.notNull())
    .addColumn('leaf', 'bytea', (col) => col.notNull().check(sql`length(leaf) = 32`))
    .addColumn('chain', 'bytea', (col) => col.notNull().check(sql`length(chain) = 32`))
    // The exact RFC 8785 text that was hashed; exports repeat it byte for byte.
    .addColumn('record', 'text', (col) => col.notNull())
    .addColumn('sealed_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('audit_checkpoint')
    .addColumn('seq', 'bigint', (col) => col.primaryKey().references('audit_seal.seq'))
    .addColumn('head', 'bytea', (col) => col.notNull().check(sql`length(head) = 32`))
    // Milliseconds: the signed statement's issuedAt is rendered from this column.
    .addColumn('issued_at', 'timestamptz', (col) =>
      col.notNull().check(sql`issued_at = date_trunc('milliseconds', issued_at)`),
    )
    .addColumn('key_id', 'text', (col) => col.notNull().references('audit_signing_key.key_id'))
    .addColumn('signature', 'bytea', (col) => col.notNull().check(sql`length(signature) = 64`))
    .execute();
  await db.schema.createIndex('audit_checkpoint_issued_at_idx').on('audit_checkpoint').column('issued_at').execute();

  // The same refusal as audit_event (ADR 004), for every table of the chain.
  await sql`
    create function audit_chain_refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception '% is append-only (% refused)', tg_table_name, tg_op using errcode = 'insufficient_privilege';
    end $$`.execute(db);
  for (const table of ['audit_commit', 'audit_seal', 'audit_checkpoint']) {
    await sql`
      create trigger ${sql.id(`${table}_no_update_delete`)} before update or delete on ${sql.table(table)}
      for each row execute function audit_chain_refuse_change()`.execute(db);
    await sql`
      create trigger ${sql.id(`${table}_no_truncate`)} before truncate on ${sql.table(table)}
      for each statement execute function audit_chain_refuse_change()`.execute(db);
  }

  // A signing key is never removed, so old checkpoints stay verifiable; it may be retired once.
  await sql`
    create function audit_signing_key_retire_only() returns trigger language plpgsql as $$
    begin
      if tg_op = 'UPDATE' and old.retired_at is null and new.retired_at is not null
         and (new.key_id, new.algorithm, new.public_key, new.created_at)
             is not distinct from (old.key_id, old.algorithm, old.public_key, old.created_at) then
        return new;
      end if;
      raise exception 'audit_signing_key is append-only: a key may only be retired, once (% refused)', tg_op
        using errcode = 'insufficient_privilege';
    end $$`.execute(db);
  await sql`
    create trigger audit_signing_key_retire_only before update or delete on audit_signing_key
    for each row execute function audit_signing_key_retire_only()`.execute(db);
  await sql`
    create trigger audit_signing_key_no_truncate before truncate on audit_signing_key
    for each statement execute function audit_chain_refuse_change()`.execute(db);

  // A retired key signs nothing new: a process still holding an old key file fails loudly.
  await sql`
    create function audit_checkpoint_current_key() returns trigger language plpgsql as $$
    begin
      if exists (select 1 from audit_signing_key where key_id = new.key_id and retired_at is not null) then
        raise exception 'signing key % is retired; reload the signing key file', new.key_id
          using errcode = 'check_violation';
      end if;
      return new;
    end $$`.execute(db);
  await sql`
    create trigger audit_checkpoint_current_key before insert on audit_checkpoint
    for each row execute function audit_checkpoint_current_key()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('audit_checkpoint').execute();
  await db.schema.dropTable('audit_seal').execute();
  await db.schema.dropTable('audit_signing_key').execute();
  await sql`drop trigger audit_event_take_ticket on audit_event`.execute(db);
  await db.schema.dropIndex('audit_event_tx_id_idx').execute();
  await db.schema.dropTable('audit_commit').execute();
  await sql`drop sequence audit_commit_order`.execute(db);
  for (const fn of [
    'audit_checkpoint_current_key',
    'audit_signing_key_retire_only',
    'audit_chain_refuse_change',
    'audit_event_take_ticket',
    'audit_commit_assign',
  ]) {
    await sql`drop function ${sql.id(fn)}()`.execute(db);
  }
}

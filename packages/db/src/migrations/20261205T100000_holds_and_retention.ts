import { type Kysely, sql } from 'kysely';

// Preservation holds and crypto-shredding (DESIGN §11, ADR 031). Retention destroys a closed
// conversation's data key and every ciphertext under it; the rows stay, with their ids, senders
// and times, so the audit log's facts still point at something. Holds are appended and extended,
// never shortened or deleted: a hold that could be quietly shrunk would not protect anything.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table conversation
    alter column dek_wrapped drop not null,
    alter column kek_version drop not null,
    add column content_destroyed_at timestamptz,
    add constraint conversation_key_whole check ((dek_wrapped is null) = (kek_version is null)),
    add constraint conversation_key_destroyed check (dek_wrapped is not null or content_destroyed_at is not null)`.execute(
    db,
  );
  await sql`alter table message
    alter column body_nonce drop not null,
    alter column body_ciphertext drop not null,
    add column destroyed_at timestamptz,
    add constraint message_body_or_destroyed check (
      (body_nonce is null) = (destroyed_at is not null) and (body_ciphertext is null) = (destroyed_at is not null))`.execute(
    db,
  );
  await sql`alter table report
    alter column reporter_text_nonce drop not null,
    alter column reporter_text_ciphertext drop not null,
    add column reporter_text_destroyed_at timestamptz,
    add constraint report_text_or_destroyed check (
      (reporter_text_nonce is null) = (reporter_text_destroyed_at is not null)
      and (reporter_text_ciphertext is null) = (reporter_text_destroyed_at is not null))`.execute(db);
  // Retention asks, per conversation, whether any case is open or not yet past its retention…
  await sql`create index case_conversation_idx on "case" (conversation_id)`.execute(db);
  // …and walks only conversations whose key still exists: destroyed ones pile up in id order.
  await sql`create index conversation_key_kept_idx on conversation (id) where dek_wrapped is not null`.execute(db);

  await db.schema
    .createTable('preservation_hold')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('target_type', 'text', (col) => col.notNull().check(sql`target_type in ('account', 'conversation')`))
    // No foreign key: an authority may name an account or conversation Docket has not seen yet.
    .addColumn('target_id', 'text', (col) => col.notNull().check(sql`length(target_id) between 1 and 200`))
    .addColumn('reason', 'text', (col) => col.notNull().check(sql`length(trim(reason)) >= 10`))
    // The legal request that asked for it, once legal requests exist (no foreign key yet).
    .addColumn('legal_request_id', 'uuid')
    .addColumn('placed_by', 'uuid', (col) => col.notNull().references('staff_user.id'))
    .addColumn('placed_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (col) => col.notNull())
    .addColumn('extended_at', 'timestamptz')
    .addColumn('released_at', 'timestamptz')
    .addColumn('released_by', 'uuid', (col) => col.references('staff_user.id'))
    .addColumn('release_reason', 'text')
    // When the expiry sweep recorded `hold.expired`; the hold stopped protecting at `expires_at`.
    .addColumn('expiry_recorded_at', 'timestamptz')
    .addCheckConstraint('preservation_hold_expires_after_placed', sql`expires_at > placed_at`)
    .addCheckConstraint(
      'preservation_hold_release_whole',
      sql`(released_at is null) = (released_by is null) and (released_at is null) = (release_reason is null)`,
    )
    .execute();
  await sql`create index preservation_hold_live_idx on preservation_hold (target_type, target_id, expires_at)
    where released_at is null`.execute(db);

  await sql`create function guard_preservation_hold() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        raise exception 'preservation holds are released, never deleted'
          using errcode = 'insufficient_privilege', constraint = 'preservation_hold_kept';
      end if;
      if old.released_at is not null and new is distinct from old then
        raise exception 'hold % was released; place a new one', old.id
          using errcode = 'check_violation', constraint = 'preservation_hold_released_final';
      end if;
      if (new.target_type, new.target_id, new.placed_by, new.placed_at, new.reason)
         is distinct from (old.target_type, old.target_id, old.placed_by, old.placed_at, old.reason)
         or (old.legal_request_id is not null and new.legal_request_id is distinct from old.legal_request_id) then
        raise exception 'a hold''s target, reason and origin are fixed when it is placed'
          using errcode = 'check_violation', constraint = 'preservation_hold_fixed';
      end if;
      if new.expires_at < old.expires_at then
        raise exception 'hold % may only be extended, never shortened', old.id
          using errcode = 'check_violation', constraint = 'preservation_hold_only_extends';
      end if;
      if old.expires_at <= now() and (new.expires_at <> old.expires_at or new.released_at is not null) then
        raise exception 'hold % has expired; place a new one', old.id
          using errcode = 'check_violation', constraint = 'preservation_hold_expired';
      end if;
      return new;
    end $$`.execute(db);
  await sql`create trigger preservation_hold_guarded before update or delete on preservation_hold
    for each row execute function guard_preservation_hold()`.execute(db);
  await sql`do $$ begin
    if exists (select 1 from pg_roles where rolname = 'docket_app') then
      revoke delete, truncate on preservation_hold from docket_app;
    end if;
  end $$`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // Destroyed content cannot come back, and the old schema has no way to say it is gone.
  await sql`do $$ begin
    if exists (select 1 from conversation where dek_wrapped is null) then
      raise exception 'content was destroyed under retention; this migration cannot be rolled back';
    end if;
  end $$`.execute(db);
  await db.schema.dropTable('preservation_hold').execute();
  await sql`drop function guard_preservation_hold()`.execute(db);
  await sql`drop index case_conversation_idx`.execute(db);
  await sql`drop index conversation_key_kept_idx`.execute(db);
  await sql`alter table report drop constraint report_text_or_destroyed, drop column reporter_text_destroyed_at,
    alter column reporter_text_nonce set not null, alter column reporter_text_ciphertext set not null`.execute(db);
  await sql`alter table message drop constraint message_body_or_destroyed, drop column destroyed_at,
    alter column body_nonce set not null, alter column body_ciphertext set not null`.execute(db);
  await sql`alter table conversation drop constraint conversation_key_destroyed, drop constraint conversation_key_whole,
    drop column content_destroyed_at, alter column dek_wrapped set not null, alter column kek_version set not null`.execute(
    db,
  );
}

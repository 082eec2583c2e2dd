import { type Kysely, sql } from 'kysely';

// API processes keep sessions in memory (ADR 047); these triggers tell every process, when the
// change commits, that a session or a user's sessions must be asked for again: any delete or update
// of a session (sign-out, expiry set by hand, the periodic touch), and any change to a user that a
// session carries or is refused by (disable, roles, names; a deleted user's sessions go by cascade).
// Whoever makes the change, however.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function staff_session_announce() returns trigger language plpgsql as $$
    begin
      if tg_table_name = 'staff_session' then
        perform pg_notify('docket_sessions', 's:' || encode(old.token_hash, 'hex'));
      else
        perform pg_notify('docket_sessions', 'u:' || old.id::text);
      end if;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger staff_session_announce after update or delete on staff_session
    for each row execute function staff_session_announce()`.execute(db);
  await sql`
    create trigger staff_user_announce after update on staff_user
    for each row when (old.disabled_at is distinct from new.disabled_at or old.roles is distinct from new.roles
                       or old.username is distinct from new.username or old.display_name is distinct from new.display_name)
    execute function staff_session_announce()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger staff_user_announce on staff_user`.execute(db);
  await sql`drop trigger staff_session_announce on staff_session`.execute(db);
  await sql`drop function staff_session_announce()`.execute(db);
}

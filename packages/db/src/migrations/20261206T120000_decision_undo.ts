import { type Kysely, sql } from 'kysely';

// A decision can be undone by its decider for a few seconds before it takes effect (ADR 043).
// `undo_until` is when its effects may begin; `decision_undo` and `decision_effect` are append-only
// ledgers of the two ways a decision's window ends, and each refuses the other, in the database.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table decision add column undo_until timestamptz, add column queue_id text references queue(id)`.execute(
    db,
  );
  // Decisions made before this had no window: their effects began when they were decided.
  await sql`update decision set undo_until = decided_at`.execute(db);
  await sql`alter table decision alter column undo_until set not null, alter column undo_until set default now()`.execute(
    db,
  );

  await sql`create table decision_undo (
    decision_id uuid primary key references decision(id),
    undone_by uuid not null references staff_user(id),
    undone_at timestamptz not null default now()
  )`.execute(db);
  await sql`create table decision_effect (
    decision_id uuid primary key references decision(id),
    took_effect_at timestamptz not null default now()
  )`.execute(db);
  // Everything already in effect: decided with no confirmation needed, or confirmed; never an escalation.
  await sql`insert into decision_effect (decision_id, took_effect_at)
    select d.id, coalesce(dc.confirmed_at, d.decided_at) from decision d
    left join decision_confirmation dc on dc.decision_id = d.id
    where d.action <> 'escalate' and (not d.requires_confirmation or dc.outcome = 'confirmed')`.execute(db);

  // Both triggers lock the decision first, so an undo and its taking effect are never judged at once.
  await sql`create function decision_undo_in_window() returns trigger language plpgsql as $$
    declare d record;
    begin
      select decided_by, undo_until into d from decision where id = new.decision_id for update;
      if d.decided_by <> new.undone_by then
        raise exception 'only the decider may undo a decision' using errcode = 'check_violation';
      end if;
      if clock_timestamp() >= d.undo_until then
        raise exception 'the undo window of decision % has closed', new.decision_id using errcode = 'check_violation';
      end if;
      if exists (select 1 from decision_effect where decision_id = new.decision_id)
        or exists (select 1 from decision_confirmation where decision_id = new.decision_id) then
        raise exception 'decision % has taken effect or been settled', new.decision_id using errcode = 'check_violation';
      end if;
      return new;
    end $$`.execute(db);
  await sql`create trigger decision_undo_in_window before insert on decision_undo
    for each row execute function decision_undo_in_window()`.execute(db);

  await sql`create function decision_effect_after_window() returns trigger language plpgsql as $$
    declare d record;
    begin
      select undo_until into d from decision where id = new.decision_id for update;
      -- A supervisor's confirmation settles it early: its decider can no longer take it back.
      if clock_timestamp() < d.undo_until and not exists (
        select 1 from decision_confirmation where decision_id = new.decision_id and outcome = 'confirmed') then
        raise exception 'decision % is still within its undo window', new.decision_id using errcode = 'check_violation';
      end if;
      if exists (select 1 from decision_undo where decision_id = new.decision_id) then
        raise exception 'decision % was undone', new.decision_id using errcode = 'check_violation';
      end if;
      return new;
    end $$`.execute(db);
  await sql`create trigger decision_effect_after_window before insert on decision_effect
    for each row execute function decision_effect_after_window()`.execute(db);

  // What the decider and the platform were told stays told.
  await sql`do $$ begin
    if exists (select 1 from pg_roles where rolname = 'docket_app') then
      revoke update, delete, truncate on decision_undo, decision_effect from docket_app;
    end if;
  end $$`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table decision_effect`.execute(db);
  await sql`drop table decision_undo`.execute(db);
  await sql`drop function decision_effect_after_window()`.execute(db);
  await sql`drop function decision_undo_in_window()`.execute(db);
  await sql`alter table decision drop column undo_until, drop column queue_id`.execute(db);
}

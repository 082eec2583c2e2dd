import { type Kysely, sql } from 'kysely';

// Appeals (ADR 030): the platform forwards an appeal against a decision; it opens a case of kind
// 'appeal' in the Appeals queue, so claims, leases and grants work as for any case. Who may hold or
// decide it is the database's rule: nobody who decided the original case or held a grant on it.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table "case" add column kind text not null default 'report'
    check (kind in ('report', 'appeal'))`.execute(db);
  // An appeal case sits beside whatever report case its conversation has; intake joins report cases only.
  await sql`drop index case_one_live_per_conversation`.execute(db);
  await sql`create unique index case_one_live_per_conversation on "case" (conversation_id)
    where status <> 'decided' and kind = 'report'`.execute(db);
  // The last position, and no categories: intake never routes a report here.
  await sql`insert into queue (id, name, categories, sla_minutes, position, required_role)
    values ('appeals', 'Appeals', '{}', 7 * 24 * 60, 6, 'reviewer')`.execute(db);

  await db.schema
    .createTable('appeal')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('service_account_id', 'uuid', (col) => col.notNull().references('service_account.id'))
    .addColumn('external_id', 'text', (col) => col.notNull())
    .addColumn('payload_hash', 'bytea', (col) => col.notNull())
    .addColumn('original_decision_id', 'uuid', (col) => col.notNull().references('decision.id'))
    .addColumn('appellant', 'text', (col) => col.notNull().check(sql`appellant in ('affected_user', 'reporter')`))
    .addColumn('appellant_account_id', 'text', (col) => col.notNull())
    .addColumn('case_id', 'uuid', (col) => col.notNull().unique().references('case.id'))
    .addColumn('submitted_at', 'timestamptz', (col) => col.notNull())
    .addColumn('received_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('appeal_external_id', ['service_account_id', 'external_id'])
    .execute();

  await db.schema
    .createTable('appeal_decision')
    .addColumn('appeal_id', 'uuid', (col) => col.primaryKey().references('appeal.id'))
    .addColumn('outcome', 'text', (col) =>
      col.notNull().check(sql`outcome in ('upheld', 'reversed', 'partly_reversed')`),
    )
    .addColumn('public_reason', 'text', (col) => col.notNull().check(sql`length(trim(public_reason)) > 0`))
    .addColumn('internal_note', 'text', (col) => col.notNull())
    // A person, always: there is no system actor for an appeal.
    .addColumn('decided_by', 'uuid', (col) => col.notNull().references('staff_user.id'))
    .addColumn('decided_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();

  // Conflicted: decided, confirmed or held a grant on the case the appeal is against.
  await sql`create function appeal_conflicted(appeal_case uuid, staff uuid) returns boolean
    language sql stable as $$
      select exists (
        select 1 from appeal a
        join decision original on original.id = a.original_decision_id
        join decision d on d.case_id = original.case_id
        left join decision_confirmation dc on dc.decision_id = d.id
        where a.case_id = appeal_case and staff in (d.decided_by, dc.confirmed_by)
      ) or exists (
        select 1 from appeal a
        join decision original on original.id = a.original_decision_id
        join access_grant g on g.case_id = original.case_id
        where a.case_id = appeal_case and g.grantee_id = staff
      )
    $$`.execute(db);

  // Whatever statement hands out an appeal case or decides it, a conflicted reviewer is refused.
  await sql`create function refuse_conflicted_appeal_holder() returns trigger language plpgsql as $$
    begin
      if new.kind = 'appeal' and new.assignee_id is not null and appeal_conflicted(new.id, new.assignee_id) then
        raise exception 'appeal case % cannot be held by a reviewer of the original case', new.id
          using errcode = 'check_violation', constraint = 'appeal_reviewer_independent';
      end if;
      return new;
    end $$`.execute(db);
  await sql`create trigger case_appeal_holder_independent before insert or update of assignee_id on "case"
    for each row execute function refuse_conflicted_appeal_holder()`.execute(db);

  await sql`create function refuse_conflicted_appeal_decider() returns trigger language plpgsql as $$
    begin
      if appeal_conflicted((select case_id from appeal where id = new.appeal_id), new.decided_by) then
        raise exception 'appeal % cannot be decided by a reviewer of the original case', new.appeal_id
          using errcode = 'check_violation', constraint = 'appeal_reviewer_independent';
      end if;
      return new;
    end $$`.execute(db);
  await sql`create trigger appeal_decider_independent before insert or update on appeal_decision
    for each row execute function refuse_conflicted_appeal_decider()`.execute(db);

  // An appeal's outcome is what the user was told: appended, never rewritten.
  await sql`do $$ begin
    if exists (select 1 from pg_roles where rolname = 'docket_app') then
      revoke update, delete, truncate on appeal, appeal_decision from docket_app;
    end if;
  end $$`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('appeal_decision').execute();
  await db.schema.dropTable('appeal').execute();
  await sql`drop function refuse_conflicted_appeal_decider()`.execute(db);
  await sql`drop trigger case_appeal_holder_independent on "case"`.execute(db);
  await sql`drop function refuse_conflicted_appeal_holder()`.execute(db);
  await sql`drop function appeal_conflicted(uuid, uuid)`.execute(db);
  await sql`delete from queue where id = 'appeals'`.execute(db);
  await sql`drop index case_one_live_per_conversation`.execute(db);
  await sql`delete from "case" where kind = 'appeal'`.execute(db);
  await sql`create unique index case_one_live_per_conversation on "case" (conversation_id)
    where status <> 'decided'`.execute(db);
  await sql`alter table "case" drop column kind`.execute(db);
}

import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Claiming: who holds a case, until when (judged by the database clock).
  await sql`alter table "case"
    add column assignee_id uuid references staff_user (id),
    add column lease_expires_at timestamptz,
    add column claimed_at timestamptz`.execute(db);
  await sql`alter table "case" drop constraint case_status_check`.execute(db);
  await sql`alter table "case" add constraint case_status_check
    check (status in ('open', 'awaiting_confirmation', 'decided'))`.execute(db);
  // A case awaiting a supervisor's confirmation is still the conversation's live case.
  await sql`drop index case_one_open_per_conversation`.execute(db);
  await sql`create unique index case_one_live_per_conversation on "case" (conversation_id) where status <> 'decided'`.execute(
    db,
  );
  await sql`create index case_assignee_idx on "case" (assignee_id, lease_expires_at) where assignee_id is not null`.execute(
    db,
  );
  // Claim-next reads the top of one of these: unheld cases in queue order, or (few) held ones
  // whose lease may have run out.
  await sql`create index case_claimable_idx on "case" (queue_id, priority desc, opened_at)
    where status = 'open' and assignee_id is null`.execute(db);
  await sql`create index case_held_idx on "case" (queue_id, lease_expires_at)
    where status = 'open' and assignee_id is not null`.execute(db);

  await sql`alter table queue add column required_role text not null default 'reviewer'
    check (required_role in ('reviewer', 'supervisor'))`.execute(db);
  await sql`insert into queue (id, name, categories, sla_minutes, position, required_role)
    values ('escalations', 'Escalations', '{}', 4 * 60, 5, 'supervisor')`.execute(db);

  await db.schema
    .createTable('policy')
    .addColumn('code', 'text', (col) => col.primaryKey())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('description', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('active', 'boolean', (col) => col.notNull().defaultTo(true))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`insert into policy (code, title, description) values
    ('CS-1', 'Child sexual exploitation', 'Any sexualisation of minors or content that endangers a child.'),
    ('GR-1', 'Grooming', 'An adult building inappropriate trust with a minor, secrecy requests, moving off-platform.'),
    ('SX-1', 'Sextortion', 'Threats to share private images unless paid or obeyed.'),
    ('VT-1', 'Violent threats', 'Credible threats of violence against a person or group.'),
    ('SH-1', 'Self-harm', 'Expressions of intent to self-harm; route to support resources.'),
    ('HR-1', 'Harassment', 'Repeated unwanted contact, intimidation or targeted abuse.'),
    ('HT-1', 'Hate', 'Attacks on people for protected characteristics.'),
    ('SC-1', 'Scams and fraud', 'Deception for money or credentials.'),
    ('SP-1', 'Spam', 'Unsolicited bulk or repetitive commercial messages.'),
    ('NV-1', 'No violation', 'Reviewed; the reported content does not break a policy.')`.execute(db);

  // Decisions are append-only; a confirmation is its own row, never an edit of the decision.
  await db.schema
    .createTable('decision')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('case_id', 'uuid', (col) => col.notNull().references('case.id'))
    .addColumn('action', 'text', (col) =>
      col
        .notNull()
        .check(
          sql`action in ('no_violation','warn','remove_messages','restrict_account','suspend_account','escalate','refer_law_enforcement')`,
        ),
    )
    .addColumn('policy_code', 'text', (col) => col.notNull().references('policy.code'))
    .addColumn('rationale', 'text', (col) => col.notNull())
    .addColumn('decided_by', 'uuid', (col) => col.notNull().references('staff_user.id'))
    .addColumn('grant_id', 'uuid')
    .addColumn('requires_confirmation', 'boolean', (col) => col.notNull())
    .addColumn('decided_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('decision_case_id_idx').on('decision').columns(['case_id', 'decided_at']).execute();
  await sql`create index decision_pending_idx on decision (decided_at) where requires_confirmation`.execute(db);

  await db.schema
    .createTable('decision_confirmation')
    .addColumn('decision_id', 'uuid', (col) => col.primaryKey().references('decision.id'))
    .addColumn('outcome', 'text', (col) => col.notNull().check(sql`outcome in ('confirmed','rejected')`))
    .addColumn('confirmed_by', 'uuid', (col) => col.notNull().references('staff_user.id'))
    .addColumn('reason', 'text')
    .addColumn('confirmed_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();

  await sql`alter table staff_user add column blur_urgent_evidence boolean not null default true`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table staff_user drop column blur_urgent_evidence`.execute(db);
  await db.schema.dropTable('decision_confirmation').execute();
  await db.schema.dropTable('decision').execute();
  await db.schema.dropTable('policy').execute();
  await sql`delete from queue where id = 'escalations'`.execute(db);
  await sql`alter table queue drop column required_role`.execute(db);
  await sql`drop index case_held_idx`.execute(db);
  await sql`drop index case_claimable_idx`.execute(db);
  await sql`drop index case_assignee_idx`.execute(db);
  await sql`drop index case_one_live_per_conversation`.execute(db);
  await sql`create unique index case_one_open_per_conversation on "case" (conversation_id) where status = 'open'`.execute(
    db,
  );
  await sql`alter table "case" drop constraint case_status_check`.execute(db);
  await sql`alter table "case" add constraint case_status_check check (status in ('open','decided'))`.execute(db);
  await sql`alter table "case" drop column assignee_id, drop column lease_expires_at, drop column claimed_at`.execute(
    db,
  );
}

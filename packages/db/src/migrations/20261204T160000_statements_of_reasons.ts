import { type Kysely, sql } from 'kysely';

// Statements of reasons (DSA Art. 17, ADR 028): one per restricting decision, appended with it and
// never edited, so what the user was told stays what they were told. The policy catalog names the
// DSA category and the terms clause each policy enforces.

const DEMO_POLICIES: [code: string, category: string, anchor: string][] = [
  ['CS-1', 'protection_of_minors', 'child-safety'],
  ['GR-1', 'protection_of_minors', 'grooming'],
  ['SX-1', 'cyber_violence', 'sextortion'],
  ['VT-1', 'violence', 'violent-threats'],
  ['SH-1', 'self_harm', 'self-harm'],
  ['HR-1', 'cyber_violence', 'harassment'],
  ['HT-1', 'illegal_or_harmful_speech', 'hate'],
  ['SC-1', 'scams_and_fraud', 'scams'],
  ['SP-1', 'other_violation_tc', 'spam'],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table policy
    add column dsa_category text,
    add column terms_url text check (terms_url ~ '^https://')`.execute(db);
  // The shipped catalog points at a placeholder terms page; a deployment edits the URLs to its own.
  for (const [code, category, anchor] of DEMO_POLICIES) {
    await sql`update policy set dsa_category = ${category}, terms_url = ${`https://platform.example/terms#${anchor}`}
      where code = ${code}`.execute(db);
  }

  await db.schema
    .createTable('statement_of_reasons')
    .addColumn('decision_id', 'uuid', (col) => col.primaryKey().references('decision.id'))
    .addColumn('ground', 'text', (col) => col.notNull().check(sql`ground in ('illegal', 'terms')`))
    .addColumn('legal_ground', 'text')
    .addColumn('legal_explanation', 'text')
    .addColumn('terms_url', 'text')
    .addColumn('also_illegal', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('category', 'text', (col) => col.notNull())
    .addColumn('public_reason', 'text', (col) => col.notNull())
    .addColumn('restriction', 'text', (col) =>
      col
        .notNull()
        .check(
          sql`restriction in ('content_removed', 'service_partially_suspended', 'account_suspended', 'account_terminated')`,
        ),
    )
    .addColumn('ends_at', 'timestamptz')
    .addColumn('territorial_scope', sql`text[]`, (col) => col.notNull())
    .addColumn('automated_detection', 'boolean', (col) => col.notNull())
    .addColumn('automated_decision', 'text', (col) =>
      col.notNull().check(sql`automated_decision in ('fully', 'partially', 'not_automated')`),
    )
    .addColumn('source', 'text', (col) =>
      col.notNull().check(sql`source in ('article_16_notice', 'other_notification', 'voluntary')`),
    )
    .addColumn('appeal_until', 'timestamptz', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    // Each ground carries what it needs, whoever writes the row.
    .addCheckConstraint(
      'statement_of_reasons_ground_complete',
      sql`case ground
        when 'illegal' then legal_ground is not null and legal_explanation is not null and terms_url is null
        else terms_url is not null and legal_ground is null and legal_explanation is null end`,
    )
    .addCheckConstraint('statement_of_reasons_scope', sql`cardinality(territorial_scope) > 0`)
    .addCheckConstraint('statement_of_reasons_appeal_after', sql`appeal_until > created_at`)
    .execute();
  // What the user was told is not rewritten: the application may add statements, never change them.
  await sql`do $$ begin
    if exists (select 1 from pg_roles where rolname = 'docket_app') then
      revoke update, delete, truncate on statement_of_reasons from docket_app;
    end if;
  end $$`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('statement_of_reasons').execute();
  await sql`alter table policy drop column dsa_category, drop column terms_url`.execute(db);
}

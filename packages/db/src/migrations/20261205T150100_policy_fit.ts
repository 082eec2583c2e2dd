import { type Kysely, sql } from 'kysely';

// Which cases a policy may be cited for (ADR 039): the case categories it fits (empty: every
// category, as for a deployment's own catch-all policies), and whether it names a violation at
// all — "no violation" is decided under a policy that says so, and only such a policy.

const FITS: [code: string, categories: string[]][] = [
  ['CS-1', ['child_safety', 'other']],
  ['GR-1', ['grooming', 'child_safety', 'other']],
  ['SX-1', ['sextortion', 'other']],
  ['VT-1', ['violent_threat', 'other']],
  ['SH-1', ['self_harm', 'other']],
  ['HR-1', ['harassment', 'hate', 'other']],
  ['HT-1', ['hate', 'harassment', 'other']],
  ['SC-1', ['scam_fraud', 'spam', 'other']],
  ['SP-1', ['spam', 'scam_fraud', 'other']],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table policy
    add column categories text[] not null default '{}',
    add column violation boolean not null default true`.execute(db);
  for (const [code, categories] of FITS) {
    await sql`update policy set categories = ${sql.val(categories)}::text[] where code = ${code}`.execute(db);
  }
  await sql`update policy set violation = false where code = 'NV-1'`.execute(db);
  // A policy that finds no violation restricts nobody: it names no DSA category to report under.
  await sql`alter table policy add constraint policy_no_violation_no_category
    check (violation or dsa_category is null)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table policy drop constraint policy_no_violation_no_category`.execute(db);
  await sql`alter table policy drop column categories, drop column violation`.execute(db);
}

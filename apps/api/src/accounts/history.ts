/**
 * An account's history in Docket: reports about it and by it, its cases, the decisions and
 * appeals on them, and its strikes. Metadata only: no reporter text, no message, no rationale.
 */
import type { AccountHistory, AppealOutcome, Category, DecisionAction } from '@docket/contracts';
import type { Database } from '@docket/db';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { ActionContext } from '../actions/context';
import { AppError } from '../http/problem';

const LIMIT = 200;

export async function viewAccountHistory(ctx: ActionContext, accountId: string): Promise<AccountHistory> {
  const history = await accountHistory(ctx.trx, accountId);
  await ctx.emit({ action: 'account.viewed', target: { type: 'platform_account', id: accountId } });
  return history;
}

async function accountHistory(
  db: Transaction<Database> | Kysely<Database>,
  accountId: string,
): Promise<AccountHistory> {
  const account = await db
    .selectFrom('platform_account')
    .select(['id', 'handle', 'age_band', 'platform_created_at', 'first_seen_at'])
    .where('id', '=', accountId)
    .executeTakeFirst();
  if (!account) throw new AppError('not_found', 'No account with that id.');

  const reports = await db
    .selectFrom('report')
    .select([
      'id',
      'external_id',
      'case_id',
      'category',
      'source',
      'received_at',
      sql<'reported' | 'reporter'>`case when reported_account_id = ${accountId} then 'reported' else 'reporter' end`.as(
        'role',
      ),
    ])
    .where((eb) => eb.or([eb('reported_account_id', '=', accountId), eb('reporter_id', '=', accountId)]))
    .orderBy('received_at', 'desc')
    .limit(LIMIT + 1)
    .execute();
  const reportedIn = db.selectFrom('report').select('case_id').where('reported_account_id', '=', accountId);
  const caseIds = db
    .selectFrom('report')
    .select('case_id')
    .where((eb) => eb.or([eb('reported_account_id', '=', accountId), eb('reporter_id', '=', accountId)]));

  const cases = await db
    .selectFrom('case')
    .select(['id', 'queue_id', 'status', 'category', 'opened_at', 'decided_at'])
    .where('id', 'in', caseIds)
    .orderBy('opened_at', 'desc')
    .limit(LIMIT + 1)
    .execute();

  // A decision stands against the account when it was reported in that case, the action is not
  // "no violation", no supervisor rejected it and no appeal reversed it.
  const decisions = await db
    .selectFrom('decision as d')
    .leftJoin('decision_confirmation as dc', 'dc.decision_id', 'd.id')
    .select([
      'd.id',
      'd.case_id',
      'd.action',
      'd.policy_code',
      'd.decided_at',
      'd.requires_confirmation',
      'dc.outcome as confirmation',
      sql<boolean>`d.case_id in (${reportedIn})`.as('about_account'),
      sql<boolean>`exists (
        select 1 from appeal a join appeal_decision ad on ad.appeal_id = a.id
        where a.original_decision_id = d.id and ad.outcome = 'reversed')`.as('reversed'),
    ])
    .where('d.case_id', 'in', caseIds)
    // An undone decision never took effect (ADR 043): it is no part of the account's history.
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('decision_undo as u').select('u.decision_id').whereRef('u.decision_id', '=', 'd.id'))),
    )
    .orderBy('d.decided_at', 'desc')
    .limit(LIMIT + 1)
    .execute();
  const stands = (d: (typeof decisions)[number]) =>
    d.about_account && d.action !== 'no_violation' && d.confirmation !== 'rejected' && !d.reversed;

  const appeals = await db
    .selectFrom('appeal as a')
    .innerJoin('decision as d', 'd.id', 'a.original_decision_id')
    .leftJoin('appeal_decision as ad', 'ad.appeal_id', 'a.id')
    .select(['a.id', 'a.case_id', 'd.case_id as original_case_id', 'a.appellant', 'a.received_at', 'ad.outcome'])
    .where((eb) => eb.or([eb('a.appellant_account_id', '=', accountId), eb('d.case_id', 'in', caseIds)]))
    .orderBy('a.received_at', 'desc')
    .limit(LIMIT + 1)
    .execute();

  const confirmation = (d: (typeof decisions)[number]) =>
    d.confirmation ?? (d.requires_confirmation ? 'pending' : 'none');
  return {
    account: {
      id: account.id,
      handle: account.handle,
      ageBand: account.age_band,
      accountCreatedAt: account.platform_created_at?.toISOString() ?? null,
      firstSeenAt: account.first_seen_at.toISOString(),
    },
    strikes: decisions.filter(stands).length,
    reports: reports.slice(0, LIMIT).map((r) => ({
      id: r.id,
      externalId: r.external_id,
      role: r.role,
      caseId: r.case_id,
      category: r.category as Category,
      source: r.source,
      receivedAt: r.received_at.toISOString(),
    })),
    cases: cases.slice(0, LIMIT).map((c) => ({
      id: c.id,
      queueId: c.queue_id,
      status: c.status,
      category: c.category as Category,
      openedAt: c.opened_at.toISOString(),
      decidedAt: c.decided_at?.toISOString() ?? null,
    })),
    decisions: decisions.slice(0, LIMIT).map((d) => ({
      id: d.id,
      caseId: d.case_id,
      action: d.action as DecisionAction,
      policyCode: d.policy_code,
      decidedAt: d.decided_at.toISOString(),
      confirmation: confirmation(d),
      standsAgainstAccount: stands(d),
    })),
    appeals: appeals.slice(0, LIMIT).map((a) => ({
      id: a.id,
      caseId: a.case_id,
      originalCaseId: a.original_case_id,
      appellant: a.appellant,
      receivedAt: a.received_at.toISOString(),
      outcome: (a.outcome as AppealOutcome | null) ?? null,
    })),
    truncated: [reports, cases, decisions, appeals].some((list) => list.length > LIMIT),
  };
}

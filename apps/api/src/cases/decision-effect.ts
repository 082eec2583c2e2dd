/**
 * A decision takes effect — at once, or when a different supervisor confirms it — and closes its
 * case: the platform hears `decision.effective` and `case.closed` for each reported account, so
 * it can enforce and explain. One event per account keeps each account's events in order.
 */
import type { DecisionAction } from '@docket/contracts';
import { sql } from 'kysely';
import type { ActionContext } from '../actions/context';
import { statementsFor } from './statement-of-reasons';

/** What a decision taking effect records, for the routes that declare it. */
export const TAKES_EFFECT = ['decision.effective', 'case.closed'] as const;

/**
 * Decisions already standing against the account when this one takes effect — an action against it,
 * not rejected by a supervisor nor reversed on appeal — so a report can count repeat offenders.
 */
async function priorStrikes(ctx: ActionContext, accountId: string, decisionId: string): Promise<number> {
  const { rows } = await sql<{ strikes: number }>`
    select count(*)::int as strikes from decision d
    left join decision_confirmation dc on dc.decision_id = d.id
    where d.id <> ${decisionId}
      and d.case_id in (select r.case_id from report r where r.reported_account_id = ${accountId})
      and d.action not in ('no_violation', 'escalate')
      and dc.outcome is distinct from 'rejected'
      and not exists (select 1 from appeal a join appeal_decision ad on ad.appeal_id = a.id
        where a.original_decision_id = d.id and ad.outcome = 'reversed')`.execute(ctx.trx);
  return rows[0]?.strikes ?? 0;
}

export async function decisionTookEffect(ctx: ActionContext, decisionId: string): Promise<void> {
  const { trx } = ctx;
  const decision = await trx
    .selectFrom('decision as d')
    .innerJoin('case as c', 'c.id', 'd.case_id')
    .select(['d.id', 'd.case_id', 'd.action', 'd.policy_code', sql<Date>`coalesce(c.decided_at, now())`.as('at')])
    .where('d.id', '=', decisionId)
    .executeTakeFirstOrThrow();
  const statement = (await statementsFor(trx, [decisionId])).get(decisionId) ?? null;
  const accounts = await trx
    .selectFrom('report')
    .select('reported_account_id')
    .distinct()
    .where('case_id', '=', decision.case_id)
    .orderBy('reported_account_id')
    .execute();
  const action = decision.action as DecisionAction;
  const at = decision.at.toISOString();
  const ids = { caseId: decision.case_id, decisionId, action };
  const target = { type: 'decision', id: decisionId };
  for (const { reported_account_id: accountId } of accounts) {
    await ctx.emit({
      action: 'decision.effective',
      target,
      caseId: decision.case_id,
      details: {
        accountId,
        action,
        policyCode: decision.policy_code,
        priorStrikes: await priorStrikes(ctx, accountId, decisionId),
      },
      outbound: { accountId, ...ids, policyCode: decision.policy_code, effectiveAt: at, statement },
    });
    await ctx.emit({
      action: 'case.closed',
      target: { type: 'case', id: decision.case_id },
      caseId: decision.case_id,
      details: { accountId, decisionId },
      outbound: { accountId, ...ids, closedAt: at },
    });
  }
}

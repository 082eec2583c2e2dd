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
      details: { accountId, action, policyCode: decision.policy_code },
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

/**
 * A decision takes effect — when its undo window ends, or when a different supervisor confirms
 * it — and closes its case: the platform hears `decision.effective` and `case.closed` for each
 * reported account, so it can enforce and explain. One event per account keeps each account's
 * events in order. It happens once: the `decision_effect` ledger row is the proof.
 */
import type { DecisionAction } from '@docket/contracts';
import type { Database } from '@docket/db';
import { type Kysely, sql, type Transaction } from 'kysely';
import { type ActionContext, runSystemAction } from '../actions/context';
import { enqueueJob } from '../jobs/enqueue';
import { statementsFor } from './statement-of-reasons';

export const DECISION_EFFECT_JOB = 'decision.take_effect';

/**
 * In the deciding transaction: the job that makes the decision effective when its undo window
 * ends. It commits with the decision, so a process that dies inside the window loses nothing.
 */
export async function scheduleDecisionEffect(
  trx: Transaction<Database>,
  decisionId: string,
  undoUntil: Date,
): Promise<void> {
  await enqueueJob(trx, {
    name: DECISION_EFFECT_JOB,
    key: `${DECISION_EFFECT_JOB}:${decisionId}`,
    payload: { decisionId },
    runAt: undoUntil,
  });
}

/**
 * The job: unless its decider undid it, the decision takes effect. Run twice (at least once), the
 * second run finds the ledger row and sends nothing.
 */
export async function takeEffectWhenDue(db: Kysely<Database>, payload: unknown): Promise<void> {
  const { decisionId } = payload as { decisionId: string };
  await runSystemAction(
    db,
    async (ctx) => {
      // The case row first, as an undo does: the two never interleave.
      const row = await ctx.trx
        .selectFrom('decision as d')
        .innerJoin('case as c', 'c.id', 'd.case_id')
        .leftJoin('decision_undo as du', 'du.decision_id', 'd.id')
        .select(['d.id', 'du.undone_at'])
        .where('d.id', '=', decisionId)
        .forUpdate('c')
        .executeTakeFirst();
      if (!row || row.undone_at) return;
      await decisionTookEffect(ctx, decisionId);
    },
    'decision-effect',
  );
}

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
  // The database refuses this inside the undo window or after an undo; a second run adds nothing.
  const first = await trx
    .insertInto('decision_effect')
    .values({ decision_id: decisionId })
    .onConflict((oc) => oc.column('decision_id').doNothing())
    .returning('decision_id')
    .executeTakeFirst();
  if (!first) return;
  const decision = await trx
    .selectFrom('decision as d')
    .innerJoin('case as c', 'c.id', 'd.case_id')
    .select(['d.id', 'd.case_id', 'd.action', 'd.policy_code', sql<Date>`now()`.as('at')])
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

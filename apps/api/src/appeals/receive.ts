/**
 * An appeal forwarded by the platform opens a case of kind 'appeal' in the Appeals queue (ADR 030),
 * once per external id. Who may appeal, and until when, is checked here against the decision.
 */
import { createHash } from 'node:crypto';
import type { IntakeAppeal, IntakeAppealResult } from '@docket/contracts';
import type { Database } from '@docket/db';
import { sql, type Transaction } from 'kysely';
import type { ActionContext } from '../actions/context';
import { refuse } from '../cases/statement-of-reasons';
import type { ServiceCaller } from '../context';
import { AppError } from '../http/problem';
import { recordSignature } from '../service-accounts/signed-requests';

export const APPEALS_QUEUE = 'appeals';

// A platform clock a little ahead of ours is not an appeal from the future.
const CLOCK_SKEW_SECONDS = 300;

/** The decision appealed against, with its case and the end of its appeal window. */
function appealedDecision(trx: Transaction<Database>, decisionId: string, appealWindowMonths: number) {
  return trx
    .selectFrom('decision as d')
    .innerJoin('case as c', 'c.id', 'd.case_id')
    .leftJoin('decision_confirmation as dc', 'dc.decision_id', 'd.id')
    .leftJoin('statement_of_reasons as s', 's.decision_id', 'd.id')
    .select([
      'd.id',
      'd.case_id',
      'd.action',
      'd.decided_at',
      'd.requires_confirmation',
      'dc.outcome as confirmation',
      'c.kind',
      'c.conversation_id',
      'c.category',
      'c.involves_minor',
      // Confirmed if it needed confirming, and past its undo window (ADR 043): the platform heard of it.
      sql<boolean>`exists (select 1 from decision_effect e where e.decision_id = d.id)`.as('in_effect'),
      // A restricting decision told the user its window; any other runs the same length from the decision.
      sql<Date>`coalesce(s.appeal_until, d.decided_at + make_interval(months => ${appealWindowMonths}))`.as(
        'appeal_until',
      ),
    ])
    .where('d.id', '=', decisionId)
    .executeTakeFirst();
}

type AppealedDecision = NonNullable<Awaited<ReturnType<typeof appealedDecision>>>;

/** Refuses an appeal this decision does not admit from this appellant, or one filed out of time. */
async function checkAppealable(trx: Transaction<Database>, decision: AppealedDecision, appeal: IntakeAppeal) {
  const inEffect = decision.in_effect;
  // An escalation decides nothing yet; a referral is not announced to its subject (DSA Art. 18).
  const final = !['escalate', 'refer_law_enforcement'].includes(decision.action);
  if (!inEffect || !final || decision.kind !== 'report') {
    refuse(
      'decisionId',
      'not an appealable decision in effect',
      'Only a decision in effect on a report case can be appealed.',
    );
  }
  const acted = decision.action !== 'no_violation';
  if (appeal.appellant === 'reporter' && acted) {
    refuse(
      'appellant',
      'a reporter appeals only a decision not to act',
      'A reporter may appeal a decision not to act.',
    );
  }
  if (appeal.appellant === 'affected_user' && !acted) {
    refuse('appellant', 'nothing was done to the account', 'A decision not to act leaves no affected user to appeal.');
  }
  const party = await trx
    .selectFrom('report')
    .select('id')
    .where('case_id', '=', decision.case_id)
    .where(appeal.appellant === 'reporter' ? 'reporter_id' : 'reported_account_id', '=', appeal.accountId)
    .executeTakeFirst();
  if (!party) {
    refuse(
      'accountId',
      `not the case's ${appeal.appellant.replace('_', ' ')}`,
      'The appellant is not a party to that decision.',
    );
  }
  const submitted = Date.parse(appeal.submittedAt);
  if (submitted > Date.now() + CLOCK_SKEW_SECONDS * 1000 || submitted < decision.decided_at.getTime()) {
    refuse(
      'submittedAt',
      'between the decision and now',
      'An appeal is filed after its decision, and not in the future.',
    );
  }
  if (submitted > decision.appeal_until.getTime()) {
    refuse(
      'submittedAt',
      `after the appeal window closed (${decision.appeal_until.toISOString()})`,
      'The appeal window for that decision has closed.',
    );
  }
}

export async function receiveAppeal(
  ctx: ActionContext,
  caller: ServiceCaller,
  appeal: IntakeAppeal,
  rules: { appealWindowMonths: number },
): Promise<IntakeAppealResult> {
  const { trx } = ctx;
  await recordSignature(trx, caller);
  const hash = createHash('sha256').update(JSON.stringify(appeal)).digest();
  // The same appeal sent twice at once: the second waits here and then finds the first.
  await sql`select pg_advisory_xact_lock(hashtextextended(${`appeal:${caller.id}:${appeal.externalId}`}, 0))`.execute(
    trx,
  );
  const existing = await trx
    .selectFrom('appeal')
    .select(['id', 'case_id', 'payload_hash'])
    .where('service_account_id', '=', caller.id)
    .where('external_id', '=', appeal.externalId)
    .executeTakeFirst();
  if (existing) {
    if (!hash.equals(existing.payload_hash)) {
      throw new AppError('conflict', 'That external id was already used for a different appeal. Nothing stored.');
    }
    return { externalId: appeal.externalId, appealId: existing.id, caseId: existing.case_id, status: 'duplicate' };
  }

  const decision = await appealedDecision(trx, appeal.decisionId, rules.appealWindowMonths);
  if (!decision) refuse('decisionId', 'no such decision', 'No decision with that id.');
  await checkAppealable(trx, decision, appeal);

  const queue = await trx
    .selectFrom('queue')
    .select('sla_minutes')
    .where('id', '=', APPEALS_QUEUE)
    .executeTakeFirstOrThrow();
  const appealCase = await trx
    .insertInto('case')
    .values({
      conversation_id: decision.conversation_id,
      queue_id: APPEALS_QUEUE,
      kind: 'appeal',
      category: decision.category,
      urgent: false,
      involves_minor: decision.involves_minor,
      report_count: 0,
      sla_due_at: sql<Date>`now() + make_interval(mins => ${queue.sla_minutes})`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { id } = await trx
    .insertInto('appeal')
    .values({
      service_account_id: caller.id,
      external_id: appeal.externalId,
      payload_hash: hash,
      original_decision_id: decision.id,
      appellant: appeal.appellant,
      appellant_account_id: appeal.accountId,
      case_id: appealCase.id,
      submitted_at: new Date(appeal.submittedAt),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.emit({
    action: 'appeal.received',
    target: { type: 'appeal', id },
    caseId: appealCase.id,
    details: {
      externalId: appeal.externalId,
      decisionId: decision.id,
      originalCaseId: decision.case_id,
      appellant: appeal.appellant,
      accountId: appeal.accountId,
    },
  });
  return { externalId: appeal.externalId, appealId: id, caseId: appealCase.id, status: 'created' };
}

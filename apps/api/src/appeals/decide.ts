/**
 * Deciding an appeal (ADR 030): only a person who had no part in the original case — neither decided
 * nor confirmed it, nor held a grant on it — and who holds the appeal case. The database refuses
 * anyone else too (`appeal_conflicted` in the claim and in triggers); the check here names the reason.
 */
import { createHash } from 'node:crypto';
import type { AppealDecision, AppealOutcomeBody } from '@docket/contracts';
import { sql } from 'kysely';
import { endGrantsOnCase } from '../access/grant-ends';
import type { ActionContext } from '../actions/context';
import { lockHeldCase } from '../cases/claims';
import { AppError } from '../http/problem';
import { toAppealDecision } from './detail';

export async function decideAppeal(
  ctx: ActionContext,
  caseId: string,
  staffId: string,
  body: AppealOutcomeBody,
): Promise<AppealDecision> {
  const { trx } = ctx;
  const appeal = await trx
    .selectFrom('appeal as a')
    .innerJoin('decision as original', 'original.id', 'a.original_decision_id')
    .select([
      'a.id',
      'a.external_id',
      'a.appellant',
      'a.appellant_account_id',
      'a.original_decision_id',
      'a.received_at',
      'original.case_id as original_case_id',
      sql<boolean>`appeal_conflicted(a.case_id, ${staffId})`.as('conflicted'),
    ])
    .where('a.case_id', '=', caseId)
    .executeTakeFirst();
  if (!appeal) throw new AppError('not_found', 'No appeal case with that id.');
  if (appeal.conflicted) {
    throw new AppError(
      'forbidden',
      'An appeal is decided by someone who neither decided the original case nor held access to it.',
    );
  }
  await lockHeldCase(trx, caseId, staffId);

  const decided = await trx
    .insertInto('appeal_decision')
    .values({
      appeal_id: appeal.id,
      outcome: body.outcome,
      public_reason: body.publicReason,
      internal_note: body.internalNote,
      decided_by: staffId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await trx
    .updateTable('case')
    .set({ status: 'decided', decided_at: sql`now()`, assignee_id: null, lease_expires_at: null })
    .where('id', '=', caseId)
    .execute();

  // The account the original decision was about: the appellant, or the account a reporter reported.
  const accountId =
    appeal.appellant === 'affected_user'
      ? appeal.appellant_account_id
      : ((
          await trx
            .selectFrom('report')
            .select('reported_account_id')
            .where('case_id', '=', appeal.original_case_id)
            .where('reporter_id', '=', appeal.appellant_account_id)
            .executeTakeFirst()
        )?.reported_account_id ?? appeal.appellant_account_id);
  await ctx.emit({
    action: 'appeal.decided',
    target: { type: 'appeal', id: appeal.id },
    caseId,
    details: {
      externalId: appeal.external_id,
      outcome: body.outcome,
      decisionId: appeal.original_decision_id,
      accountId,
      receivedAt: appeal.received_at.toISOString(),
      // The log proves what the appellant was told without keeping the text itself.
      publicReasonSha256: createHash('sha256').update(body.publicReason).digest('hex'),
    },
    outbound: {
      accountId,
      appealId: appeal.external_id,
      docketAppealId: appeal.id,
      decisionId: appeal.original_decision_id,
      outcome: body.outcome,
      publicReason: body.publicReason,
    },
  });
  if (body.outcome !== 'upheld') {
    await ctx.emit({
      action: 'decision.reversed',
      target: { type: 'decision', id: appeal.original_decision_id },
      caseId: appeal.original_case_id,
      details: {
        appealId: appeal.id,
        externalAppealId: appeal.external_id,
        partly: body.outcome !== 'reversed',
        accountId,
      },
    });
  }
  await endGrantsOnCase(ctx, caseId, staffId, 'decided');
  return toAppealDecision(decided, { caseId, originalDecisionId: appeal.original_decision_id });
}

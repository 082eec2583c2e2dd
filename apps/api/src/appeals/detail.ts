/** What an appeal case shows its holder: the appeal, the decision appealed against, and the outcome. */
import type { AppealDecision, CaseAppeal } from '@docket/contracts';
import type { AppealDecisionRow, Database } from '@docket/db';
import type { Kysely } from 'kysely';
import { decisionById } from '../cases/decisions';

export function toAppealDecision(
  row: AppealDecisionRow,
  appeal: { caseId: string; originalDecisionId: string },
): AppealDecision {
  return {
    appealId: row.appeal_id,
    caseId: appeal.caseId,
    originalDecisionId: appeal.originalDecisionId,
    outcome: row.outcome,
    publicReason: row.public_reason,
    internalNote: row.internal_note,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at.toISOString(),
  };
}

export async function appealOfCase(db: Kysely<Database>, caseId: string): Promise<CaseAppeal | null> {
  const appeal = await db.selectFrom('appeal').selectAll().where('case_id', '=', caseId).executeTakeFirst();
  if (!appeal) return null;
  const outcome = await db
    .selectFrom('appeal_decision')
    .selectAll()
    .where('appeal_id', '=', appeal.id)
    .executeTakeFirst();
  return {
    id: appeal.id,
    externalId: appeal.external_id,
    appellant: appeal.appellant,
    accountId: appeal.appellant_account_id,
    submittedAt: appeal.submitted_at.toISOString(),
    receivedAt: appeal.received_at.toISOString(),
    originalDecision: await decisionById(db, appeal.original_decision_id),
    outcome: outcome ? toAppealDecision(outcome, { caseId, originalDecisionId: appeal.original_decision_id }) : null,
  };
}

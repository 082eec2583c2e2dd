/** Deciding several cases at once with one action, one policy and one public reason (ADR 043). */
import { z } from 'zod';
import { DecisionAction, DecisionFields, refineDecision } from './cases';

const Timestamp = z.iso.datetime({ offset: true });

/** Cases one bulk request may decide: enough for a spam wave, few enough for one transaction. */
export const BULK_DECISION_MAX = 500;

export const BulkDecideBody = DecisionFields.extend({
  caseIds: z
    .array(z.uuid())
    .min(1)
    .max(BULK_DECISION_MAX)
    .optional()
    .meta({ description: 'The cases to decide. Or give `accountId` for every open case reporting that account.' }),
  accountId: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .meta({ description: 'A platform account: decide every open case that reports it.' }),
})
  .superRefine((body, ctx) => {
    refineDecision(body, ctx);
    if (Boolean(body.caseIds) === Boolean(body.accountId)) {
      ctx.addIssue({ code: 'custom', path: ['caseIds'], message: 'give caseIds or accountId, not both' });
    }
    const seen = new Set<string>();
    for (const [index, id] of (body.caseIds ?? []).entries()) {
      if (seen.has(id)) ctx.addIssue({ code: 'custom', path: ['caseIds', index], message: 'listed twice' });
      seen.add(id);
    }
  })
  .meta({ id: 'BulkDecideBody' });
export type BulkDecideBody = z.infer<typeof BulkDecideBody>;

export const BULK_REFUSALS = [
  'not_found',
  'not_open',
  'held_by_someone_else',
  'appeal_case',
  'queue_role',
  'policy_does_not_fit',
] as const;
export type BulkRefusalReason = (typeof BULK_REFUSALS)[number];

export const BulkRefusal = z.object({
  caseId: z.uuid(),
  reason: z.enum(BULK_REFUSALS),
  message: z.string(),
});
export type BulkRefusal = z.infer<typeof BulkRefusal>;

export const BulkPreview = z
  .object({
    action: DecisionAction,
    caseIds: z.array(z.uuid()).meta({ description: 'Every case the request names (for an account: its open cases).' }),
    decided: z
      .number()
      .int()
      .meta({ description: 'Cases that will be decided and take effect after the undo window.' }),
    awaitingConfirmation: z
      .number()
      .int()
      .meta({ description: 'Cases whose decision will wait for another supervisor (suspensions, referrals).' }),
    escalated: z.number().int().meta({ description: 'Cases that will move to the escalations queue.' }),
    claimed: z.number().int().meta({ description: 'Cases you do not hold yet: deciding them claims them.' }),
    statements: z.number().int().meta({ description: 'Statements of reasons that will be written, one per case.' }),
    accounts: z.number().int().meta({ description: 'Distinct reported accounts the platform will be told of.' }),
    refusals: z
      .array(BulkRefusal)
      .meta({ description: 'Cases that cannot be decided; any refusal stops the whole request.' }),
    undoSeconds: z.number().int().meta({ description: 'How long after applying you may still undo them all.' }),
    appealWindowMonths: z.number().int().meta({ description: 'How long each user may appeal a restriction.' }),
  })
  .meta({ id: 'BulkPreview' });
export type BulkPreview = z.infer<typeof BulkPreview>;

export const BulkResult = z
  .object({
    decisions: z.array(
      z.object({
        caseId: z.uuid(),
        decisionId: z.uuid(),
        status: z.enum(['decided', 'awaiting_confirmation', 'escalated']),
      }),
    ),
    decidedAt: Timestamp,
    undoUntil: Timestamp.meta({ description: 'Until when you may undo all of them (POST /api/decisions/undo).' }),
  })
  .meta({ id: 'BulkResult' });
export type BulkResult = z.infer<typeof BulkResult>;

export const UndoBody = z
  .object({ decisionIds: z.array(z.uuid()).min(1).max(BULK_DECISION_MAX) })
  .meta({ id: 'UndoBody' });
export type UndoBody = z.infer<typeof UndoBody>;

export const UndoResult = z
  .object({ undone: z.array(z.object({ decisionId: z.uuid(), caseId: z.uuid() })) })
  .meta({ id: 'UndoResult' });
export type UndoResult = z.infer<typeof UndoResult>;

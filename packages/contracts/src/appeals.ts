/** Appeals (ADR 030): forwarded by the platform through signed intake, decided by an independent reviewer. */
import { z } from 'zod';
import { PlatformId } from './intake';
import { Text } from './statement-of-reasons';

export const APPEAL_OUTCOMES = ['upheld', 'reversed', 'partly_reversed'] as const;
export const AppealOutcome = z.enum(APPEAL_OUTCOMES);
export type AppealOutcome = z.infer<typeof AppealOutcome>;

export const IntakeAppeal = z
  .object({
    externalId: PlatformId.meta({ description: "The platform's id for this appeal; resending it is idempotent." }),
    decisionId: z.uuid().meta({ description: 'The decision appealed against, as the platform heard of it.' }),
    appellant: z.enum(['affected_user', 'reporter']).meta({
      description:
        '`affected_user`: the reported account, against a decision that acted on it. `reporter`: an account that ' +
        'reported the case, against a decision not to act (`no_violation`).',
    }),
    accountId: PlatformId.meta({ description: 'The appellant’s account on the platform.' }),
    submittedAt: z.iso.datetime({ offset: true }).meta({
      description: 'When the user filed the appeal on the platform; it must fall inside the appeal window.',
    }),
  })
  .meta({ id: 'IntakeAppeal' });
export type IntakeAppeal = z.infer<typeof IntakeAppeal>;

export const IntakeAppealResult = z
  .object({
    externalId: z.string(),
    appealId: z.uuid(),
    caseId: z.uuid().meta({ description: 'The appeal case in the Appeals queue.' }),
    status: z.enum(['created', 'duplicate']),
  })
  .meta({ id: 'IntakeAppealResult' });
export type IntakeAppealResult = z.infer<typeof IntakeAppealResult>;

export const AppealOutcomeBody = z
  .object({
    outcome: AppealOutcome,
    publicReason: Text(20, 4000).meta({ description: 'Why, written for the appellant; sent to the platform.' }),
    internalNote: Text(0, 4000).default('').meta({ description: 'For staff only; never leaves Docket.' }),
  })
  .meta({ id: 'AppealOutcomeBody' });
export type AppealOutcomeBody = z.infer<typeof AppealOutcomeBody>;

export const AppealDecision = z
  .object({
    appealId: z.uuid(),
    caseId: z.uuid(),
    originalDecisionId: z.uuid(),
    outcome: AppealOutcome,
    publicReason: z.string(),
    internalNote: z.string(),
    decidedBy: z.uuid(),
    decidedAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'AppealDecision' });
export type AppealDecision = z.infer<typeof AppealDecision>;

import { z } from 'zod';
import { AppealDecision } from './appeals';
import { AgeBand, Category } from './intake';
import { DsaCategory, isRestricting, StatementBody, StatementOfReasons } from './statement-of-reasons';
import { REPORT_SOURCES } from './vocabulary';

export const DECISION_ACTIONS = [
  'no_violation',
  'warn',
  'remove_messages',
  'restrict_account',
  'suspend_account',
  'escalate',
  'refer_law_enforcement',
] as const;
export const DecisionAction = z.enum(DECISION_ACTIONS);
export type DecisionAction = z.infer<typeof DecisionAction>;

/** Actions that take effect only once a supervisor (not the decider) confirms them. */
export const ACTIONS_NEEDING_CONFIRMATION: readonly DecisionAction[] = ['suspend_account', 'refer_law_enforcement'];

export const CASE_STATUSES = ['open', 'awaiting_confirmation', 'decided'] as const;
export const CaseStatus = z.enum(CASE_STATUSES);

const Timestamp = z.iso.datetime({ offset: true });

export const CaseSummary = z
  .object({
    id: z.uuid(),
    queueId: z.string(),
    status: CaseStatus,
    category: Category,
    urgent: z.boolean(),
    involvesMinor: z.boolean(),
    reportCount: z.number().int(),
    priority: z.number().int(),
    openedAt: Timestamp,
    slaDueAt: Timestamp,
    assignee: z.object({ id: z.uuid(), username: z.string(), displayName: z.string() }).nullable(),
    leaseExpiresAt: Timestamp.nullable(),
  })
  .meta({ id: 'CaseSummary' });
export type CaseSummary = z.infer<typeof CaseSummary>;

export const ClaimNextBody = z
  .object({
    skip: z
      .uuid()
      .optional()
      .meta({ description: 'A case you hold and are skipping: released, and not handed straight back.' }),
  })
  .meta({ id: 'ClaimNextBody' });
export type ClaimNextBody = z.infer<typeof ClaimNextBody>;

export const ClaimResult = z
  .object({ case: CaseSummary.nullable().meta({ description: 'null when the queue has nothing claimable.' }) })
  .meta({ id: 'ClaimResult' });
export type ClaimResult = z.infer<typeof ClaimResult>;

export const AccountFacts = z
  .object({
    id: z.string(),
    handle: z.string(),
    ageBand: AgeBand,
    accountCreatedAt: Timestamp.nullable(),
    priorDecisions: z
      .array(z.object({ action: DecisionAction, count: z.number().int() }))
      .meta({ description: 'Decisions taken in Docket on earlier cases where this account was reported.' }),
  })
  .meta({ id: 'AccountFacts' });

export const EvidenceMessage = z.object({
  id: z.string(),
  senderId: z.string(),
  sentAt: Timestamp,
  body: z.string().nullable().meta({ description: 'null once destroyed under retention (see `destroyedAt`).' }),
  destroyedAt: Timestamp.nullable().meta({ description: 'When retention destroyed the body; null while it is kept.' }),
});

export const CaseReport = z.object({
  id: z.uuid(),
  source: z.enum(REPORT_SOURCES),
  category: Category,
  reporterId: z.string().nullable(),
  reportedAccountId: z.string(),
  reporterText: z.string().nullable().meta({ description: 'null once destroyed under retention.' }),
  reporterTextDestroyedAt: Timestamp.nullable(),
  reportedMessageIds: z.array(z.string()),
  receivedAt: Timestamp,
});

export const Decision = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    action: DecisionAction,
    policyCode: z.string(),
    rationale: z.string(),
    decidedBy: z.object({ id: z.uuid(), username: z.string() }),
    decidedAt: Timestamp,
    grantId: z.uuid().nullable(),
    statement: StatementOfReasons.nullable().meta({ description: 'Present for every restricting action.' }),
    confirmation: z
      .object({
        status: z.enum(['pending', 'confirmed', 'rejected']),
        by: z.object({ id: z.uuid(), username: z.string() }).nullable(),
        at: Timestamp.nullable(),
        reason: z.string().nullable(),
      })
      .nullable(),
    undoUntil: Timestamp.meta({
      description: 'Until when its decider may undo it; nothing reaches the platform before (ADR 043).',
    }),
    undoneAt: Timestamp.nullable().meta({ description: 'Set once its decider undid it: it never took effect.' }),
    tookEffectAt: Timestamp.nullable().meta({
      description: 'When it took effect and the platform was told; null while in its undo window or unconfirmed.',
    }),
  })
  .meta({ id: 'Decision' });
export type Decision = z.infer<typeof Decision>;

export const TimelineEntry = z.object({
  at: Timestamp,
  action: z.string().meta({ description: 'Dotted audit action, e.g. `case.claimed`, `decision.recorded`.' }),
  actor: z.string().nullable(),
  summary: z.string(),
});

/** On an appeal case: what is appealed, by whom, and the outcome once decided. */
export const CaseAppeal = z
  .object({
    id: z.uuid(),
    externalId: z.string(),
    appellant: z.enum(['affected_user', 'reporter']),
    accountId: z.string(),
    submittedAt: Timestamp,
    receivedAt: Timestamp,
    originalDecision: Decision.meta({ description: 'The decision appealed against, with its statement of reasons.' }),
    outcome: AppealDecision.nullable(),
  })
  .meta({ id: 'CaseAppeal' });
export type CaseAppeal = z.infer<typeof CaseAppeal>;

export const CaseDetail = z
  .object({
    case: CaseSummary,
    reports: z.array(CaseReport),
    evidence: z
      .array(EvidenceMessage)
      .meta({ description: 'The reported messages only — never the rest of the conversation.' }),
    accounts: z.array(AccountFacts),
    conversation: z.object({
      id: z.string(),
      participantIds: z.array(z.string()),
      messageCount: z.number().int(),
      firstMessageAt: Timestamp.nullable(),
      lastMessageAt: Timestamp.nullable(),
    }),
    decisions: z.array(Decision),
    appeal: CaseAppeal.nullable().meta({ description: 'Set on an appeal case (kind `appeal`), null otherwise.' }),
    timeline: z.array(TimelineEntry),
    appealWindowMonths: z.number().int().meta({
      description: 'How long the affected user may appeal a restricting decision made on this case (calendar months).',
    }),
    blurEvidence: z.boolean().meta({
      description:
        "Whether the console should blur evidence until revealed (urgent category and the viewer's preference).",
    }),
    readOnly: z.boolean().meta({
      description:
        'The viewer does not hold the case: a decided case opened to read, or a supervisor looking before they sign. Nothing can be done to it here.',
    }),
    signing: z.enum(['confirmation', 'access_request', 'break_glass_review']).nullable().meta({
      description:
        'Set when a supervisor who does not hold the case opened it to see what they are about to sign: a decision to confirm, an access request, a break-glass use to review. The holder keeps the case.',
    }),
  })
  .meta({ id: 'CaseDetail' });
export type CaseDetail = z.infer<typeof CaseDetail>;

export const DecisionFields = z.object({
  action: DecisionAction,
  policyCode: z.string().min(1).max(32),
  rationale: z
    .string()
    .trim()
    .min(10, 'at least 10 characters')
    .max(4000)
    .meta({ description: 'The internal note: for staff and auditors, never sent to the user.' }),
  statement: StatementBody.optional().meta({
    description:
      'Required for a restricting action (remove_messages, restrict_account, suspend_account); refused otherwise.',
  }),
});

export function refineDecision(body: z.infer<typeof DecisionFields>, ctx: z.RefinementCtx) {
  const restricting = isRestricting(body.action);
  if (restricting && !body.statement) {
    ctx.addIssue({
      code: 'custom',
      path: ['statement'],
      message: 'a restricting action needs a statement of reasons',
    });
  } else if (!restricting && body.statement) {
    ctx.addIssue({ code: 'custom', path: ['statement'], message: 'only a restricting action carries one' });
  }
  if (body.action === 'remove_messages' && body.statement?.endsAt) {
    ctx.addIssue({ code: 'custom', path: ['statement', 'endsAt'], message: 'a removal does not end' });
  }
}

export const DecideBody = DecisionFields.superRefine(refineDecision).meta({ id: 'DecideBody' });
export type DecideBody = z.infer<typeof DecideBody>;

export const ConfirmationBody = z
  .object({ reason: z.string().trim().max(2000).optional() })
  .meta({ id: 'ConfirmationBody' });

export const RejectionBody = z
  .object({ reason: z.string().trim().min(10, 'at least 10 characters').max(2000) })
  .meta({ id: 'RejectionBody' });

export const ReassignBody = z.object({ assigneeId: z.uuid() }).meta({ id: 'ReassignBody' });

export const AssigneeList = z
  .object({ items: z.array(z.object({ id: z.uuid(), username: z.string(), displayName: z.string() })) })
  .meta({ id: 'AssigneeList', description: 'Active staff who may work the case’s queue, by name.' });
export type AssigneeList = z.infer<typeof AssigneeList>;

export const CaseListQuery = z.object({
  queueId: z.string().max(64).optional(),
  held: z.enum(['true', 'false']).optional().meta({ description: '`true`: only cases someone holds right now.' }),
  status: CaseStatus.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const CaseList = z
  .object({ items: z.array(CaseSummary), nextCursor: z.string().nullable() })
  .meta({ id: 'CaseList' });
export type CaseList = z.infer<typeof CaseList>;

export const PendingConfirmationList = z
  .object({ items: z.array(Decision.extend({ case: CaseSummary })), nextCursor: z.string().nullable() })
  .meta({ id: 'PendingConfirmationList', description: 'Keyset pages, oldest first.' });

export const PendingConfirmationQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type PendingConfirmationList = z.infer<typeof PendingConfirmationList>;

export const Policy = z
  .object({
    code: z.string(),
    title: z.string(),
    description: z.string(),
    active: z.boolean(),
    dsaCategory: DsaCategory.nullable().meta({ description: 'The DSA statement category decisions under it report.' }),
    termsUrl: z
      .string()
      .nullable()
      .meta({ description: 'The terms clause it enforces, cited by statements of reasons.' }),
    categories: z
      .array(Category)
      .meta({ description: 'The case categories it may be cited for; empty: every category.' }),
    violation: z
      .boolean()
      .meta({ description: 'False for the policy a `no_violation` decision cites, and only that.' }),
  })
  .meta({ id: 'Policy' });
export type Policy = z.infer<typeof Policy>;

export const PolicyBody = z
  .object({
    code: z
      .string()
      .regex(/^[A-Z]{2,6}-\d{1,3}$/, 'like HR-1')
      .optional(),
    title: z.string().trim().min(1).max(120),
    description: z.string().trim().max(2000).default(''),
    active: z.boolean().default(true),
    dsaCategory: DsaCategory.nullable().default(null),
    termsUrl: z
      .url({ protocol: /^https$/, error: 'an https URL' })
      .max(500)
      .nullable()
      .default(null)
      .meta({ description: 'Needed before a restricting decision may cite the policy on the terms ground.' }),
  })
  .meta({ id: 'PolicyBody' });
export type PolicyBody = z.input<typeof PolicyBody>;

export const PolicyList = z.object({ items: z.array(Policy) }).meta({ id: 'PolicyList' });
export type PolicyList = z.infer<typeof PolicyList>;

export const Preferences = z.object({ blurUrgentEvidence: z.boolean() }).meta({ id: 'Preferences' });
export type Preferences = z.infer<typeof Preferences>;

export const QueueBody = z
  .object({
    id: z
      .string()
      .regex(/^[a-z][a-z0-9_]{1,31}$/, 'lower-case letters, digits, underscore')
      .optional(),
    name: z.string().trim().min(1).max(80),
    categories: z.array(Category).max(10),
    slaMinutes: z
      .number()
      .int()
      .min(5)
      .max(60 * 24 * 30),
    position: z.number().int().min(1).max(1000),
  })
  .meta({ id: 'QueueBody' });
export type QueueBody = z.infer<typeof QueueBody>;

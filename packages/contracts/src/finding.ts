/** Finding cases and accounts: a queue's case list with filters and orders, search, an account's history. */
import { z } from 'zod';
import { AppealOutcome } from './appeals';
import { CaseStatus, CaseSummary, DecisionAction } from './cases';
import { AgeBand, Category } from './intake';
import { CASE_AGES, CASE_SORTS, REPORT_SOURCES, SLA_STATES } from './vocabulary';

const Timestamp = z.iso.datetime({ offset: true });
const flag = z.enum(['true', 'false']);

export const CaseFindQuery = z.object({
  q: z.string().trim().max(200).optional().meta({
    description: 'A case id, an account id or handle (with or without @), an external report id, or a conversation id.',
  }),
  queueId: z.string().max(64).optional(),
  status: z.union([CaseStatus, z.literal('any')]).default('any'),
  category: Category.optional(),
  urgent: flag.optional(),
  minors: flag.optional().meta({ description: '`true`: only cases involving a minor.' }),
  held: flag.optional().meta({ description: '`true`: only cases someone holds right now.' }),
  source: z.enum(REPORT_SOURCES).optional().meta({ description: 'Cases with at least one report from this source.' }),
  sla: z.enum(SLA_STATES).optional().meta({ description: '`overdue`: past its SLA and not decided.' }),
  age: z.enum(CASE_AGES).optional().meta({ description: 'How long ago the case opened.' }),
  sort: z.enum(CASE_SORTS).default('priority'),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type CaseFindQuery = z.input<typeof CaseFindQuery>;

export const CaseFindResult = z
  .object({
    items: z.array(CaseSummary.extend({ decidedAt: Timestamp.nullable() })),
    nextCursor: z.string().nullable(),
    accounts: z
      .array(z.object({ id: z.string(), handle: z.string() }))
      .meta({ description: 'Accounts the search term names (by id or handle), to open their history.' }),
  })
  .meta({ id: 'CaseFindResult' });
export type CaseFindResult = z.infer<typeof CaseFindResult>;

export const AccountHistory = z
  .object({
    account: z.object({
      id: z.string(),
      handle: z.string(),
      ageBand: AgeBand,
      accountCreatedAt: Timestamp.nullable(),
      firstSeenAt: Timestamp,
    }),
    strikes: z.number().int().meta({
      description:
        'Decisions against the account that stand: a warning or restriction on a case where it was reported, not rejected by a supervisor, not reversed on appeal.',
    }),
    reports: z
      .array(
        z.object({
          id: z.string(),
          externalId: z.string(),
          role: z.enum(['reported', 'reporter']),
          caseId: z.uuid(),
          category: Category,
          source: z.enum(REPORT_SOURCES),
          receivedAt: Timestamp,
        }),
      )
      .meta({ description: 'Reports about it and by it: metadata only, never the reporter’s text.' }),
    cases: z.array(
      z.object({
        id: z.uuid(),
        queueId: z.string(),
        status: CaseStatus,
        category: Category,
        openedAt: Timestamp,
        decidedAt: Timestamp.nullable(),
      }),
    ),
    decisions: z.array(
      z.object({
        id: z.uuid(),
        caseId: z.uuid(),
        action: DecisionAction,
        policyCode: z.string(),
        decidedAt: Timestamp,
        confirmation: z.enum(['none', 'pending', 'confirmed', 'rejected']),
        standsAgainstAccount: z.boolean(),
      }),
    ),
    appeals: z.array(
      z.object({
        id: z.uuid(),
        caseId: z.uuid(),
        originalCaseId: z.uuid(),
        appellant: z.enum(['affected_user', 'reporter']),
        receivedAt: Timestamp,
        outcome: AppealOutcome.nullable(),
      }),
    ),
    truncated: z.boolean().meta({ description: 'More than 200 of some list; the newest are shown.' }),
  })
  .meta({ id: 'AccountHistory' });
export type AccountHistory = z.infer<typeof AccountHistory>;

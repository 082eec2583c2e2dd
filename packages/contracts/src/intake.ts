import { z } from 'zod';
import { CATEGORIES, REPORT_SOURCES } from './vocabulary';

export const Category = z.enum(CATEGORIES);
export type Category = z.infer<typeof Category>;

export const URGENT_CATEGORIES: readonly Category[] = [
  'child_safety',
  'grooming',
  'sextortion',
  'violent_threat',
  'self_harm',
];

export const AGE_BANDS = ['minor', 'adult', 'unknown'] as const;
export const AgeBand = z.enum(AGE_BANDS);

/** Limits on what one intake request may carry; each is enforced by the schema below. */
export const INTAKE_LIMITS = {
  idLength: 128,
  handleLength: 64,
  accountsPerReport: 50,
  participantsPerConversation: 50,
  messagesPerSnapshot: 500,
  messageBodyLength: 4000,
  reportedMessages: 50,
  reporterTextLength: 5000,
  reportsPerBatch: 2000,
  singleBodyBytes: 4 * 1024 * 1024,
  batchBodyBytes: 96 * 1024 * 1024,
} as const;

const L = INTAKE_LIMITS;
// Platform ids are opaque strings; restricting the alphabet keeps them safe in logs and URLs.
export const PlatformId = z
  .string()
  .min(1)
  .max(L.idLength)
  .regex(/^[A-Za-z0-9._:-]+$/, 'letters, digits and . _ : - only');

export const IntakeAccount = z.object({
  id: PlatformId,
  handle: z.string().min(1).max(L.handleLength),
  ageBand: AgeBand,
  createdAt: z.iso
    .datetime({ offset: true })
    .optional()
    .meta({ description: 'When the account was created on the platform.' }),
});

export const IntakeMessage = z.object({
  id: PlatformId,
  senderId: PlatformId,
  sentAt: z.iso.datetime({ offset: true }),
  body: z.string().max(L.messageBodyLength),
});

export const IntakeReport = z
  .object({
    externalId: PlatformId.meta({ description: "The platform's id for this report; resending it is idempotent." }),
    source: z.enum(REPORT_SOURCES).default('user_report'),
    category: Category,
    reporterId: PlatformId.nullable().meta({
      description: 'The reporting account, or null for legal requests and automated signals.',
    }),
    reportedAccountId: PlatformId,
    reporterText: z.string().max(L.reporterTextLength).default(''),
    accounts: z.array(IntakeAccount).min(1).max(L.accountsPerReport),
    conversation: z.object({
      id: PlatformId,
      participantIds: z.array(PlatformId).min(1).max(L.participantsPerConversation),
    }),
    messages: z.array(IntakeMessage).min(1).max(L.messagesPerSnapshot),
    reportedMessageIds: z.array(PlatformId).min(1).max(L.reportedMessages),
  })
  .superRefine((report, ctx) => {
    const accountIds = new Set(report.accounts.map((account) => account.id));
    const messageIds = new Set<string>();
    report.messages.forEach((message, index) => {
      if (messageIds.has(message.id)) {
        ctx.addIssue({ code: 'custom', path: ['messages', index, 'id'], message: 'duplicate message id' });
      }
      messageIds.add(message.id);
      if (!accountIds.has(message.senderId)) {
        ctx.addIssue({ code: 'custom', path: ['messages', index, 'senderId'], message: 'sender is not in accounts' });
      }
    });
    report.reportedMessageIds.forEach((id, index) => {
      if (!messageIds.has(id)) {
        ctx.addIssue({ code: 'custom', path: ['reportedMessageIds', index], message: 'not in the messages snapshot' });
      }
    });
    report.conversation.participantIds.forEach((id, index) => {
      if (!accountIds.has(id)) {
        ctx.addIssue({ code: 'custom', path: ['conversation', 'participantIds', index], message: 'not in accounts' });
      }
    });
    for (const [field, id] of [
      ['reportedAccountId', report.reportedAccountId],
      ['reporterId', report.reporterId],
    ] as const) {
      if (id !== null && !accountIds.has(id))
        ctx.addIssue({ code: 'custom', path: [field], message: 'not in accounts' });
    }
  })
  .meta({ id: 'IntakeReport' });
export type IntakeReport = z.infer<typeof IntakeReport>;
export type IntakeReportInput = z.input<typeof IntakeReport>;

export const IntakeBatch = z
  .object({ reports: z.array(IntakeReport).min(1).max(L.reportsPerBatch) })
  .meta({ id: 'IntakeBatch' });

export const IntakeResult = z
  .object({
    externalId: z.string(),
    reportId: z.uuid(),
    caseId: z.uuid(),
    status: z
      .enum(['created', 'duplicate'])
      .meta({ description: '`duplicate`: this external id was already received; nothing changed.' }),
  })
  .meta({ id: 'IntakeResult' });
export type IntakeResult = z.infer<typeof IntakeResult>;

export const IntakeBatchResult = z
  .object({
    created: z.number().int(),
    duplicates: z.number().int(),
    messagesStored: z.number().int(),
    results: z.array(IntakeResult),
  })
  .meta({ id: 'IntakeBatchResult' });
export type IntakeBatchResult = z.infer<typeof IntakeBatchResult>;

export const ServiceAccount = z
  .object({
    id: z.uuid(),
    name: z.string(),
    keyId: z.string(),
    disabledAt: z.iso.datetime({ offset: true }).nullable(),
    createdAt: z.iso.datetime({ offset: true }),
    lastUsedAt: z.iso.datetime({ offset: true }).nullable(),
  })
  .meta({ id: 'ServiceAccount' });
export type ServiceAccount = z.infer<typeof ServiceAccount>;

export const CreateServiceAccountBody = z
  .object({ name: z.string().trim().min(1).max(120) })
  .meta({ id: 'CreateServiceAccountBody' });
export type CreateServiceAccountBody = z.infer<typeof CreateServiceAccountBody>;

export const ServiceAccountList = z.object({ items: z.array(ServiceAccount) }).meta({ id: 'ServiceAccountList' });
export type ServiceAccountList = z.infer<typeof ServiceAccountList>;

export const ServiceAccountWithSecret = ServiceAccount.extend({
  secret: z.string().meta({ description: 'Shown once. Docket keeps it only sealed under the key-encryption key.' }),
}).meta({ id: 'ServiceAccountWithSecret' });
export type ServiceAccountWithSecret = z.infer<typeof ServiceAccountWithSecret>;

import { z } from 'zod';

export const JUSTIFICATION_CODES = [
  'USER_REPORT',
  'LEGAL_REQUEST',
  'CHILD_SAFETY_ESCALATION',
  'IMMINENT_HARM',
  'APPEAL_REVIEW',
  'OWN_INITIATIVE_REVIEW',
] as const;
export const JustificationCode = z.enum(JUSTIFICATION_CODES);

/** Policy limits for access (minutes). */
export const ACCESS_LIMITS = {
  minMinutes: 15,
  maxMinutes: 24 * 60,
  breakGlassMaxMinutes: 15,
  justificationMinLength: 40,
  maxContext: 50,
} as const;

const Timestamp = z.iso.datetime({ offset: true });

export const AccessScope = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('reported_context'), context: z.number().int().min(0).max(ACCESS_LIMITS.maxContext) }),
    z
      .object({ kind: z.literal('time_window'), from: Timestamp, to: Timestamp })
      .refine((w) => Date.parse(w.from) < Date.parse(w.to), { message: 'from must be before to', path: ['to'] }),
    z.object({ kind: z.literal('full_conversation') }),
  ])
  .meta({ id: 'AccessScope', description: '`reported_context`: the reported messages ± `context` messages.' });
export type AccessScope = z.infer<typeof AccessScope>;

const Justification = z
  .string()
  .trim()
  .min(
    ACCESS_LIMITS.justificationMinLength,
    `a real sentence: at least ${ACCESS_LIMITS.justificationMinLength} characters`,
  )
  .max(2000);

export const AccessRequestBody = z
  .object({
    justificationCode: JustificationCode,
    justification: Justification,
    scope: AccessScope,
    durationMinutes: z.number().int().min(ACCESS_LIMITS.minMinutes).max(ACCESS_LIMITS.maxMinutes),
  })
  .meta({ id: 'AccessRequestBody' });
export type AccessRequestBody = z.infer<typeof AccessRequestBody>;

export const ApproveAccessBody = z
  .object({
    durationMinutes: z.number().int().min(1).max(ACCESS_LIMITS.maxMinutes).optional(),
    scope: AccessScope.optional(),
  })
  .meta({ id: 'ApproveAccessBody', description: 'Optionally shorten the duration or narrow the scope.' });

export const DenyAccessBody = z
  .object({ reason: z.string().trim().min(10, 'at least 10 characters').max(2000) })
  .meta({ id: 'DenyAccessBody' });

export const AccessRequest = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    conversationId: z.string(),
    requester: z.object({ id: z.uuid(), username: z.string(), displayName: z.string() }),
    justificationCode: JustificationCode,
    justification: z.string(),
    scope: AccessScope,
    requestedMinutes: z.number().int(),
    status: z.enum(['pending', 'approved', 'denied', 'cancelled', 'expired']),
    createdAt: Timestamp,
    pendingUntil: Timestamp,
    decidedAt: Timestamp.nullable(),
    decisionReason: z.string().nullable(),
    grantId: z.uuid().nullable(),
  })
  .meta({ id: 'AccessRequest' });
export type AccessRequest = z.infer<typeof AccessRequest>;

export const AccessGrant = z
  .object({
    id: z.uuid(),
    requestId: z.uuid().nullable(),
    caseId: z.uuid(),
    grantee: z.object({ id: z.uuid(), username: z.string() }),
    scope: AccessScope,
    startsAt: Timestamp,
    expiresAt: Timestamp,
    revokedAt: Timestamp.nullable(),
    breakGlass: z.boolean(),
    breakGlassJustification: z.string().nullable(),
    review: z
      .object({
        outcome: z.enum(['justified', 'unjustified']),
        by: z.uuid(),
        at: Timestamp,
        note: z.string().nullable(),
      })
      .nullable(),
  })
  .meta({ id: 'AccessGrant' });
export type AccessGrant = z.infer<typeof AccessGrant>;

export const BreakGlassBody = z
  .object({
    justification: Justification,
    durationMinutes: z.number().int().min(1).max(ACCESS_LIMITS.breakGlassMaxMinutes),
  })
  .meta({ id: 'BreakGlassBody' });

export const BreakGlassReviewBody = z
  .object({ outcome: z.enum(['justified', 'unjustified']), note: z.string().trim().max(2000).optional() })
  .meta({ id: 'BreakGlassReviewBody' });

export const ConversationRead = z
  .object({
    grantId: z.uuid(),
    expiresAt: Timestamp,
    messages: z.array(
      z.object({ id: z.string(), senderId: z.string(), sentAt: Timestamp, body: z.string(), reported: z.boolean() }),
    ),
  })
  .meta({ id: 'ConversationRead' });
export type ConversationRead = z.infer<typeof ConversationRead>;

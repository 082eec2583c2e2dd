import { z } from 'zod';
import { CaseSummary } from './cases';

export const JUSTIFICATION_CODES = [
  'USER_REPORT',
  'LEGAL_REQUEST',
  'CHILD_SAFETY_ESCALATION',
  'IMMINENT_HARM',
  'APPEAL_REVIEW',
  'OWN_INITIATIVE_REVIEW',
] as const;
export const JustificationCode = z.enum(JUSTIFICATION_CODES);
export type JustificationCode = z.infer<typeof JustificationCode>;

/**
 * The codes a reviewer may pick for a case access request. `LEGAL_REQUEST` is not one: that
 * pathway's grants come only from an accepted legal request (ADR 032), never from a case request.
 */
export const CaseJustificationCode = JustificationCode.exclude(['LEGAL_REQUEST']);
export type CaseJustificationCode = z.infer<typeof CaseJustificationCode>;
export const CASE_JUSTIFICATION_CODES = CaseJustificationCode.options;

/**
 * Bounds no configuration can lift. The deployment's own, narrower limits (`AccessPolicy`) come
 * from its configuration; the API enforces them and the console reads them from
 * `GET /api/access/policy`.
 */
export const ACCESS_HARD_LIMITS = {
  maxMinutes: 7 * 24 * 60,
  breakGlassMaxMinutes: 60,
  justificationMinLength: 40,
  maxContext: 50,
} as const;

export const AccessPolicy = z
  .object({
    minMinutes: z.number().int(),
    maxMinutes: z.number().int(),
    pendingHours: z.number().int(),
    breakGlassMaxMinutes: z.number().int(),
    justificationMinLength: z.number().int(),
    maxContext: z.number().int(),
  })
  .meta({ id: 'AccessPolicy', description: 'The limits this deployment enforces on access requests and break-glass.' });
export type AccessPolicy = z.infer<typeof AccessPolicy>;

const Minutes = z.number().int().min(1).max(ACCESS_HARD_LIMITS.maxMinutes);

const Timestamp = z.iso.datetime({ offset: true });

export const AccessScope = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('reported_context'),
      context: z.number().int().min(0).max(ACCESS_HARD_LIMITS.maxContext),
    }),
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
    ACCESS_HARD_LIMITS.justificationMinLength,
    `a real sentence: at least ${ACCESS_HARD_LIMITS.justificationMinLength} characters`,
  )
  .max(2000);

export const AccessRequestBody = z
  .object({
    justificationCode: CaseJustificationCode,
    justification: Justification,
    scope: AccessScope,
    durationMinutes: Minutes.meta({ description: 'Within the policy limits (`GET /api/access/policy`).' }),
  })
  .meta({ id: 'AccessRequestBody' });
export type AccessRequestBody = z.infer<typeof AccessRequestBody>;

export const ApproveAccessBody = z
  .object({
    durationMinutes: Minutes.optional(),
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
    grantee: z.object({ id: z.uuid(), username: z.string(), displayName: z.string() }),
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
    durationMinutes: z
      .number()
      .int()
      .min(1)
      .max(ACCESS_HARD_LIMITS.breakGlassMaxMinutes)
      .meta({ description: 'Up to the policy maximum (`GET /api/access/policy`).' }),
  })
  .meta({ id: 'BreakGlassBody' });

export const RevokeGrantBody = z
  .object({ reason: z.string().trim().min(10, 'at least 10 characters').max(2000).optional() })
  .meta({
    id: 'RevokeGrantBody',
    description: 'Why: shown to whoever is asked to approve this person on this case again.',
  });

export const BreakGlassReviewBody = z
  .object({ outcome: z.enum(['justified', 'unjustified']), note: z.string().trim().max(2000).optional() })
  .meta({ id: 'BreakGlassReviewBody' });

export const ConversationRead = z
  .object({
    grantId: z.uuid(),
    expiresAt: Timestamp,
    messages: z.array(
      z.object({
        id: z.string(),
        senderId: z.string(),
        sentAt: Timestamp,
        body: z.string().nullable().meta({ description: 'null once destroyed under retention (see `destroyedAt`).' }),
        destroyedAt: Timestamp.nullable().meta({ description: 'When retention destroyed the body.' }),
        reported: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'ConversationRead' });
export type ConversationRead = z.infer<typeof ConversationRead>;

export const PendingAccessRequestList = z
  .object({
    items: z.array(
      AccessRequest.extend({
        case: CaseSummary,
        requesterHistory: z
          .object({ made: z.number().int(), approved: z.number().int(), denied: z.number().int() })
          .meta({ description: "The requester's access requests of the last 30 days." }),
        previousRevocation: z
          .object({
            grantId: z.uuid(),
            revokedAt: Timestamp,
            revokedBy: z.object({ id: z.uuid(), username: z.string(), displayName: z.string() }),
            reason: z.string().nullable(),
          })
          .nullable()
          .meta({ description: "The newest revocation of the requester's access to this case, if any." }),
      }),
    ),
  })
  .meta({ id: 'PendingAccessRequests' });
export type PendingAccessRequestList = z.infer<typeof PendingAccessRequestList>;
export type PendingAccessRequest = PendingAccessRequestList['items'][number];

export const AccessGrantList = z.object({ items: z.array(AccessGrant) }).meta({ id: 'AccessGrantList' });
export type AccessGrantList = z.infer<typeof AccessGrantList>;

export const CaseAccess = z
  .object({
    now: Timestamp.meta({ description: "The database clock, to count grants down against the server's time." }),
    request: AccessRequest.nullable().meta({ description: 'Your newest access request on this case.' }),
    grant: AccessGrant.nullable().meta({ description: 'Your live grant on this case, if any.' }),
  })
  .meta({ id: 'CaseAccess' });
export type CaseAccess = z.infer<typeof CaseAccess>;

export const ACCESS_EVENT_TYPES = [
  'access.requested',
  'access.approved',
  'access.denied',
  'access.cancelled',
  'access.expired',
  'access.break_glass',
  'access.break_glass_reviewed',
  'access.revoked',
  'access.ended',
] as const;

/** One Server-Sent Event of `GET /api/access/events`, named by its type: ids only, never content. */
export interface AccessLiveEvent {
  type: (typeof ACCESS_EVENT_TYPES)[number];
  caseId: string;
  /** Whose access this is: the requester, or the grantee. */
  staffId: string;
  requestId?: string;
  grantId?: string;
}

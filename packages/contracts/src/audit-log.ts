/** The auditor's view of the audit log: search, one event, a grant's trail, access reviews. */
import { z } from 'zod';
import { AccessScope, JustificationCode } from './access';
import { RoleChange } from './staff';

const Timestamp = z.iso.datetime({ offset: true });

/** Every action Docket records, for the auditor's filter (the coverage test keeps it complete). */
export const AUDIT_ACTIONS = [
  'access.approved',
  'access.break_glass',
  'access.break_glass_reviewed',
  'access.cancelled',
  'access.denied',
  'access.ended',
  'access.expired',
  'access.notice',
  'access.notice_deferred',
  'access.requested',
  'access.revoked',
  'account.viewed',
  'appeal.decided',
  'appeal.received',
  'audit.checkpoint_sent',
  'audit.exported',
  'audit.signing_key_rotated',
  'auth.sign_in_failed',
  'auth.sign_in_throttled',
  'auth.signed_in',
  'auth.signed_out',
  'authz.denied',
  'case.claimed',
  'case.closed',
  'case.lease_renewed',
  'case.opened',
  'case.reassigned',
  'case.released',
  'case.unassigned',
  'content.decryption_failed',
  'conversation.read',
  'conversation.read_denied',
  'dashboard.viewed',
  'decision.bulk_previewed',
  'decision.confirmed',
  'decision.effective',
  'decision.recorded',
  'decision.rejected',
  'decision.reversed',
  'decision.undone',
  'evidence.revealed',
  'hold.expired',
  'hold.extended',
  'hold.placed',
  'hold.released',
  'intake.reports_received',
  'intake.signature_rejected',
  'keys.retired',
  'legal.accepted',
  'legal.acknowledged',
  'legal.closed',
  'legal.document_opened',
  'legal.effect_reported',
  'legal.emergency_reviewed',
  'legal.item_disclosed',
  'legal.narrowed',
  'legal.no_data',
  'legal.notice_decided',
  'legal.produced',
  'legal.read',
  'legal.read_denied',
  'legal.recorded',
  'legal.rejected',
  'legal.review_started',
  'keys.rotated',
  'policy.created',
  'policy.updated',
  'preferences.updated',
  'queue.created',
  'queue.updated',
  'request.refused',
  'retention.shredded',
  'service_account.created',
  'service_account.disabled',
  'service_account.enabled',
  'staff.created',
  'staff.disabled',
  'staff.enabled',
  'staff.enrolled',
  'staff.password_reset',
  'staff.password_set',
  'staff.reset_link_issued',
  'staff.role_confirmed',
  'staff.role_rejected',
  'staff.role_removed',
  'staff.role_requested',
  'staff.updated',
  'transparency.report_published',
  'transparency.statements_failed',
  'transparency.statements_submitted',
  'webhook.dead_lettered',
  'webhook.delivered',
  'webhook.endpoint_created',
  'webhook.endpoint_disabled',
  'webhook.endpoint_enabled',
  'webhook.endpoint_rotated',
  'webhook.failed',
  'webhook.redelivered',
  'webhook.test_sent',
] as const;

/** One name from that list: the vocabulary every recorded event is typed by. */
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AuditEvent = z
  .object({
    id: z.string().meta({ description: 'Row id (decimal). Ids are not in commit order; `seq` is.' }),
    seq: z.number().int().nullable().meta({ description: 'Position in the sealed chain; null while pending seal.' }),
    occurredAt: Timestamp,
    actor: z.object({
      type: z.enum(['staff', 'service', 'system', 'anonymous']),
      id: z.string().nullable(),
      label: z.string().nullable(),
      roles: z.array(z.string()),
    }),
    action: z.string(),
    outcome: z.enum(['success', 'denied', 'failure']),
    target: z.object({ type: z.string(), id: z.string() }).nullable(),
    caseId: z.uuid().nullable(),
    grantId: z.uuid().nullable(),
    details: z.record(z.string(), z.unknown()),
    requestId: z.string().nullable(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
  })
  .meta({ id: 'AuditEvent' });
export type AuditEvent = z.infer<typeof AuditEvent>;

const Uuid = z.uuid();

export const AuditEventQuery = z
  .object({
    actor: z.string().trim().min(1).max(128).optional().meta({ description: 'Actor id or label (username).' }),
    action: z
      .string()
      .max(1000)
      .regex(/^[a-z_]+(\.[a-z_]+)+(,[a-z_]+(\.[a-z_]+)+)*$/, 'dotted actions such as case.claimed, comma-separated')
      .optional()
      .meta({ description: 'One action, or several separated by commas.' }),
    outcome: z.enum(['success', 'denied', 'failure']).optional(),
    targetType: z.string().trim().min(1).max(64).optional(),
    targetId: z.string().trim().min(1).max(200).optional(),
    caseId: Uuid.optional(),
    grantId: Uuid.optional(),
    from: Timestamp.optional().meta({ description: 'Occurred at or after.' }),
    to: Timestamp.optional().meta({ description: 'Occurred before.' }),
    cursor: z
      .string()
      // An event id, short enough to stay inside Postgres bigint.
      .regex(/^\d{1,18}$/)
      .optional()
      .meta({ description: 'Opaque cursor from `nextCursor`.' }),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine((q) => !q.from || !q.to || Date.parse(q.from) < Date.parse(q.to), {
    message: 'from must be before to',
    path: ['to'],
  });
export type AuditEventQuery = z.input<typeof AuditEventQuery>;

export const AuditEventList = z
  .object({ items: z.array(AuditEvent), nextCursor: z.string().nullable() })
  .meta({ id: 'AuditEventList', description: 'Newest first.' });
export type AuditEventList = z.infer<typeof AuditEventList>;

const Person = z.object({ id: z.uuid(), username: z.string() });

/** One grant with everything an access review weighs: why, who allowed it, what was read, what followed. */
export const GrantReview = z
  .object({
    grantId: z.uuid(),
    caseId: z.uuid(),
    grantee: Person,
    breakGlass: z.boolean(),
    justificationCode: JustificationCode.nullable().meta({ description: 'null for break-glass.' }),
    justification: z.string(),
    requestedMinutes: z.number().int().nullable(),
    requestedAt: Timestamp.nullable(),
    approver: Person.nullable().meta({ description: 'null for break-glass.' }),
    scope: AccessScope,
    startsAt: Timestamp,
    expiresAt: Timestamp,
    revokedAt: Timestamp.nullable(),
    status: z.enum(['live', 'expired', 'revoked', 'ended']),
    endReason: z
      .enum([
        'decided',
        'escalated',
        'released',
        'reassigned',
        'taken_over',
        'lease_lapsed',
        'expired',
        'produced',
        'rejected',
        'no_data',
        'closed',
        'role_removed',
        'staff_disabled',
      ])
      .nullable()
      .meta({
        description:
          'Why an ended grant ended early: its grantee stopped holding the case, its legal request ended, or its grantee lost the role or was disabled.',
      }),
    breakGlassReview: z
      .object({ outcome: z.enum(['justified', 'unjustified']), by: Person, at: Timestamp, note: z.string().nullable() })
      .nullable(),
    reads: z.number().int().meta({ description: 'conversation.read events under the grant.' }),
    messagesRead: z.number().int().meta({ description: 'Distinct message ids returned under the grant.' }),
    decisions: z.array(
      z.object({ id: z.uuid(), action: z.string(), policyCode: z.string(), decidedAt: Timestamp, by: Person }),
    ),
  })
  .meta({ id: 'GrantReview' });
export type GrantReview = z.infer<typeof GrantReview>;

export const GrantTrace = z
  .object({
    grant: GrantReview,
    events: z.array(AuditEvent).meta({ description: 'Request → approval → every read → decisions, in order.' }),
  })
  .meta({ id: 'GrantTrace' });
export type GrantTrace = z.infer<typeof GrantTrace>;

export const AccessReviewQuery = z
  .object({
    from: Timestamp.meta({ description: 'Grants that started at or after.' }),
    to: Timestamp.meta({ description: 'Grants that started before.' }),
    breakGlass: z.enum(['true', 'false']).optional(),
    cursor: z.string().max(200).optional().meta({ description: 'Opaque cursor from `nextCursor`.' }),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine((q) => Date.parse(q.from) < Date.parse(q.to), { message: 'from must be before to', path: ['to'] });
export type AccessReviewQuery = z.input<typeof AccessReviewQuery>;

export const AccessReviewList = z
  .object({ items: z.array(GrantReview), nextCursor: z.string().nullable() })
  .meta({ id: 'AccessReviewList', description: 'Newest grant first.' });
export type AccessReviewList = z.infer<typeof AccessReviewList>;

export const AuditExportQuery = z
  .object({
    scope: z.enum(['period', 'case']),
    from: Timestamp.optional().meta({ description: '`period`: events that occurred at or after.' }),
    to: Timestamp.optional().meta({ description: '`period`: events that occurred before.' }),
    caseId: z.uuid().optional().meta({ description: '`case`: every event about this case.' }),
    formats: z
      .string()
      .regex(/^(csv|ocsf)(,(csv|ocsf))?$/, 'csv, ocsf, or csv,ocsf')
      .optional()
      .meta({ description: 'Extra renderings of the events in scope, besides events.jsonl.' }),
    progressId: z.uuid().optional().meta({
      description:
        'A fresh id chosen by the caller: the export records its progress under it, readable at `/api/audit/export/progress/{id}` — for a browser saving the bundle with its own download, which the page cannot watch.',
    }),
  })
  .superRefine((q, ctx) => {
    if (q.scope === 'case' && !q.caseId) ctx.addIssue({ code: 'custom', message: 'required', path: ['caseId'] });
    if (q.scope === 'period') {
      if (!q.from) ctx.addIssue({ code: 'custom', message: 'required', path: ['from'] });
      if (!q.to) ctx.addIssue({ code: 'custom', message: 'required', path: ['to'] });
      if (q.from && q.to && Date.parse(q.from) >= Date.parse(q.to)) {
        ctx.addIssue({ code: 'custom', message: 'from must be before to', path: ['to'] });
      }
    }
  });
export type AuditExportQuery = z.input<typeof AuditExportQuery>;

export const AuditExportProgress = z
  .object({
    status: z.enum(['running', 'done', 'failed']),
    linesTotal: z.number().int().nullable().meta({ description: 'Lines events.jsonl will hold; null until planned.' }),
    linesSent: z.number().int(),
    bytesSent: z.number().int(),
    problem: z
      .object({ status: z.number().int(), title: z.string(), detail: z.string() })
      .nullable()
      .meta({ description: 'Why a failed export failed, as the export itself would have answered.' }),
    updatedAt: Timestamp,
  })
  .meta({ id: 'AuditExportProgress' });
export type AuditExportProgress = z.infer<typeof AuditExportProgress>;

/** A file name that says what the bundle holds, the same whether the server names the download or the page names the file. */
export function exportFileName(scope: { kind: 'case'; caseId: string } | { kind: 'period'; from: string; to: string }) {
  const minute = (iso: string) => new Date(iso).toISOString().slice(0, 16).replace(/:/g, '');
  return scope.kind === 'case'
    ? `docket-audit-case-${scope.caseId.slice(0, 8)}.zip`
    : `docket-audit-${minute(scope.from)}-${minute(scope.to)}.zip`;
}

/** Response header of an export: how many lines events.jsonl will hold, for progress. */
export const EXPORT_LINES_HEADER = 'x-docket-export-lines';

export const StaffReviewQuery = z
  .object({
    from: Timestamp.meta({ description: 'Changes and enrolments at or after.' }),
    to: Timestamp.meta({ description: 'Changes and enrolments before.' }),
  })
  .refine((q) => Date.parse(q.from) < Date.parse(q.to), { message: 'from must be before to', path: ['to'] });
export type StaffReviewQuery = z.input<typeof StaffReviewQuery>;

/** A link used from the address or session of the admin who issued it: one person may hold both accounts. */
export const FlaggedLinkUse = z
  .object({
    linkId: z.uuid(),
    purpose: z.enum(['enrol', 'reset']),
    staff: Person,
    issuedBy: Person.nullable(),
    usedAt: Timestamp,
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    sameAddress: z.boolean(),
    sameSession: z.boolean(),
  })
  .meta({ id: 'FlaggedLinkUse' });
export type FlaggedLinkUse = z.infer<typeof FlaggedLinkUse>;

export const StaffReview = z.object({ roleChanges: z.array(RoleChange), flaggedLinks: z.array(FlaggedLinkUse) }).meta({
  id: 'StaffReview',
  description: 'Role changes asked for or decided in the period, oldest first; flagged link uses.',
});
export type StaffReview = z.infer<typeof StaffReview>;

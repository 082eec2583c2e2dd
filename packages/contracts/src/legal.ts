/**
 * Legal requests from authorities (DESIGN §11, ADR 032): what a legal officer records, the steps a
 * request goes through, and — in one place — which data each kind of instrument can reach.
 */
import { z } from 'zod';

export const LEGAL_DATA_CATEGORIES = ['subscriber', 'metadata', 'content'] as const;
export const LegalDataCategory = z.enum(LEGAL_DATA_CATEGORIES);
export type LegalDataCategory = z.infer<typeof LegalDataCategory>;

const NON_CONTENT = ['subscriber', 'metadata'] as const;
const ALL = LEGAL_DATA_CATEGORIES;
const NOTHING = [] as const;

/**
 * What each instrument can reach: the one table the domain, the read statement and the console use.
 * Content only under instruments that are, by their nature, judicial authorisations to search or
 * produce stored communications (a warrant, an MLAT/CLOUD Act request executed by a court, an EU
 * production order for content, which needs a judge). A subpoena, a records order (e.g. 18 U.S.C.
 * § 2703(d)), a civil demand, a DSA order and an emergency disclosure request reach subscriber data
 * and metadata only; preservation instruments make the provider keep data and disclose nothing.
 */
export const LEGAL_INSTRUMENTS = {
  subpoena: { label: 'Subpoena', reaches: NON_CONTENT },
  court_order_records: { label: 'Court order for records', reaches: NON_CONTENT },
  search_warrant: { label: 'Search warrant', reaches: ALL },
  emergency_disclosure: { label: 'Emergency disclosure request', reaches: NON_CONTENT },
  preservation_request: { label: 'Preservation request', reaches: NOTHING },
  mlat_cloud_act: { label: 'MLAT / CLOUD Act request', reaches: ALL },
  eu_production_order: { label: 'EU production order', reaches: ALL },
  eu_preservation_order: { label: 'EU preservation order', reaches: NOTHING },
  dsa_art9_order: { label: 'DSA Art. 9 order (act against illegal content)', reaches: NON_CONTENT },
  dsa_art10_order: { label: 'DSA Art. 10 order (information about recipients)', reaches: NON_CONTENT },
  civil: { label: 'Civil demand', reaches: NON_CONTENT },
  other: { label: 'Other', reaches: NON_CONTENT },
} as const satisfies Record<string, { label: string; reaches: readonly LegalDataCategory[] }>;

export type LegalInstrument = keyof typeof LEGAL_INSTRUMENTS;
export const LegalInstrument = z.enum(Object.keys(LEGAL_INSTRUMENTS) as [LegalInstrument, ...LegalInstrument[]]);

export function instrumentReaches(instrument: LegalInstrument, category: LegalDataCategory): boolean {
  return (LEGAL_INSTRUMENTS[instrument].reaches as readonly LegalDataCategory[]).includes(category);
}

/** The instruments under which content may be read: passed to the read statement as it is. */
export const CONTENT_INSTRUMENTS = (Object.keys(LEGAL_INSTRUMENTS) as LegalInstrument[]).filter((instrument) =>
  instrumentReaches(instrument, 'content'),
);

export const LEGAL_STATUSES = [
  'received',
  'acknowledged',
  'under_review',
  'accepted',
  'narrowed',
  'rejected',
  'no_data',
  'produced',
  'closed',
] as const;
export type LegalStatus = (typeof LEGAL_STATUSES)[number];

export const AUTHORITY_TYPES = ['court', 'prosecutor', 'police', 'regulator'] as const;
export const LEGAL_CHANNELS = ['email', 'portal', 'post', 'fax', 'phone', 'in_person'] as const;

const Timestamp = z.iso.datetime({ offset: true });
const Text = (max: number) => z.string().trim().min(1).max(max);

export const LegalTargetBody = z
  .object({
    accountId: z.string().trim().min(1).max(200),
    from: Timestamp,
    until: Timestamp,
    categories: z.array(LegalDataCategory).min(1).max(3),
  })
  .refine((t) => Date.parse(t.from) < Date.parse(t.until), { message: 'from must be before until', path: ['until'] })
  .meta({ id: 'LegalTargetBody' });
export type LegalTargetBody = z.infer<typeof LegalTargetBody>;

export const LegalDocumentBody = z.object({
  name: Text(200),
  mediaType: z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/i, 'a media type such as application/pdf'),
  /** The file, base64: stored only encrypted. */
  data: z.base64().max(1_000_000).meta({ description: 'Up to ~700 KB once decoded (the API takes 1 MiB bodies).' }),
});

export const RecordLegalRequestBody = z
  .object({
    reference: Text(200).optional(),
    channel: z.enum(LEGAL_CHANNELS),
    receivedAt: Timestamp,
    authority: z.object({
      name: Text(300),
      type: z.enum(AUTHORITY_TYPES),
      country: z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code such as DE'),
    }),
    officerContact: Text(500),
    instrument: LegalInstrument,
    legalBasis: Text(1000),
    offenceCategory: Text(200),
    targets: z.array(LegalTargetBody).min(1).max(50),
    acknowledgeBy: Timestamp.optional(),
    effectBy: Timestamp.optional(),
    reportingRequired: z.boolean().default(false),
    nonDisclosure: z.object({ statute: Text(500), until: Timestamp }).optional(),
    emergency: z.object({ facts: Text(4000), attestation: Text(2000) }).optional(),
    document: LegalDocumentBody.optional(),
  })
  .meta({ id: 'RecordLegalRequestBody' });
export type RecordLegalRequestBody = z.infer<typeof RecordLegalRequestBody>;

export const DecideLegalRequestBody = z
  .discriminatedUnion('outcome', [
    z.object({ outcome: z.literal('accepted'), note: Text(2000).optional() }),
    z.object({
      outcome: z.literal('narrowed'),
      note: Text(2000),
      /** The targets kept, each inside what was asked; a target left out is dropped. */
      targets: z.array(LegalTargetBody).min(1).max(50),
    }),
    z.object({ outcome: z.literal('rejected'), ground: z.enum(['invalid', 'overbroad']), note: Text(2000) }),
  ])
  .meta({ id: 'DecideLegalRequestBody' });
export type DecideLegalRequestBody = z.infer<typeof DecideLegalRequestBody>;

export const LegalStepBody = z
  .object({
    step: z.enum(['acknowledge', 'review', 'no_data', 'close', 'report_effect']),
    note: Text(2000).optional(),
  })
  .meta({ id: 'LegalStepBody' });
export type LegalStepBody = z.infer<typeof LegalStepBody>;

export const EmergencyReviewBody = z
  .object({ outcome: z.enum(['justified', 'unjustified']), note: Text(2000) })
  .meta({ id: 'EmergencyReviewBody' });

export const LegalNoticeBody = z
  .discriminatedUnion('decision', [
    z.object({ decision: z.literal('notify') }),
    z.object({ decision: z.literal('defer'), until: Timestamp.optional() }),
    z.object({ decision: z.literal('never'), reason: Text(2000) }),
  ])
  .and(z.object({ accountId: z.string().trim().min(1).max(200) }))
  .meta({ id: 'LegalNoticeBody' });
export type LegalNoticeBody = z.infer<typeof LegalNoticeBody>;

export const MessageRef = z.object({ conversationId: z.string().min(1).max(200), id: z.string().min(1).max(200) });
export type MessageRef = z.infer<typeof MessageRef>;

export const LegalReadBody = z
  .object({
    category: z.enum(['metadata', 'content']),
    messages: z.array(MessageRef).max(1000).optional(),
  })
  .meta({ id: 'LegalReadBody' });
export type LegalReadBody = z.infer<typeof LegalReadBody>;

export const LegalTarget = z.object({
  accountId: z.string(),
  from: Timestamp,
  until: Timestamp,
  categories: z.array(LegalDataCategory),
  scope: z.object({ from: Timestamp, until: Timestamp, categories: z.array(LegalDataCategory) }).nullable(),
  notice: z
    .object({
      decision: z.enum(['notify', 'defer', 'never']),
      until: Timestamp.nullable(),
      reason: z.string().nullable(),
      commitment: z.string(),
      sentAt: Timestamp.nullable(),
    })
    .nullable(),
});

const Person = z.object({ id: z.string(), username: z.string(), displayName: z.string() });

export const LegalRequest = z
  .object({
    id: z.uuid(),
    reference: z.string().nullable(),
    channel: z.enum(LEGAL_CHANNELS),
    receivedAt: Timestamp,
    authority: z.object({ name: z.string(), type: z.enum(AUTHORITY_TYPES), country: z.string() }),
    officerContact: z.string(),
    instrument: LegalInstrument,
    legalBasis: z.string(),
    offenceCategory: z.string(),
    status: z.enum(LEGAL_STATUSES),
    acknowledgeBy: Timestamp.nullable(),
    effectBy: Timestamp.nullable(),
    reportingRequired: z.boolean(),
    effectReportedAt: Timestamp.nullable(),
    nonDisclosure: z.object({ statute: z.string(), until: Timestamp }).nullable(),
    emergency: z
      .object({
        facts: z.string(),
        attestation: z.string(),
        review: z
          .object({ outcome: z.string(), by: z.string(), at: Timestamp, note: z.string().nullable() })
          .nullable(),
      })
      .nullable(),
    document: z.object({ name: z.string(), mediaType: z.string(), sha256: z.string(), bytes: z.number() }).nullable(),
    recordedBy: Person,
    recordedAt: Timestamp,
    assignedTo: Person,
    decision: z
      .object({ by: z.string(), at: Timestamp, note: z.string().nullable(), ground: z.string().nullable() })
      .nullable(),
    production: z.object({ by: z.string(), at: Timestamp, manifestSha256: z.string() }).nullable(),
    grant: z
      .object({ id: z.uuid(), expiresAt: Timestamp, live: z.boolean(), endReason: z.string().nullable() })
      .nullable(),
    targets: z.array(LegalTarget),
  })
  .meta({ id: 'LegalRequest' });
export type LegalRequest = z.infer<typeof LegalRequest>;

export const LegalRequestSummary = LegalRequest.pick({
  id: true,
  reference: true,
  authority: true,
  instrument: true,
  status: true,
  acknowledgeBy: true,
  effectBy: true,
  receivedAt: true,
})
  .extend({
    emergency: z.boolean(),
    emergencyUnreviewed: z.boolean(),
    targetCount: z.number().int(),
    recordedBy: z.string(),
    due: z.enum(['overdue', 'due_soon', 'later', 'none']),
  })
  .meta({ id: 'LegalRequestSummary' });
export type LegalRequestSummary = z.infer<typeof LegalRequestSummary>;

export const LegalReadMessage = z.object({
  conversationId: z.string(),
  id: z.string(),
  senderId: z.string(),
  sentAt: Timestamp,
  body: z.string().optional(),
});
export const LegalRead = z
  .object({ grantId: z.uuid(), category: z.enum(['metadata', 'content']), messages: z.array(LegalReadMessage) })
  .meta({ id: 'LegalRead' });
export type LegalRead = z.infer<typeof LegalRead>;

/**
 * Transparency outside Docket: statements of reasons on their way to the EU Transparency Database
 * (ADR 036) and the latest signed audit checkpoint, published for anyone to keep (ADR 037).
 */
import { z } from 'zod';

const Timestamp = z.iso.datetime({ offset: true });

export const TdbSubmissionStatus = z.enum(['pending', 'accepted', 'rejected']);
export type TdbSubmissionStatus = z.infer<typeof TdbSubmissionStatus>;

export const TdbSubmission = z
  .object({
    decisionId: z.uuid(),
    caseId: z.uuid(),
    puid: z.string().meta({ description: 'The platform unique identifier the Database files the statement under.' }),
    status: TdbSubmissionStatus.meta({
      description:
        'pending: not yet accepted (never sent, or a transient failure to retry); accepted: in the Database; rejected: its validator refused the statement.',
    }),
    attempts: z.number().int(),
    lastAttemptAt: Timestamp.nullable(),
    nextAttemptAt: Timestamp.nullable().meta({ description: 'When a pending statement is next sent.' }),
    lastError: z.string().nullable(),
    errors: z
      .record(z.string(), z.array(z.string()))
      .nullable()
      .meta({ description: "The Database validator's messages, by field, for a rejected statement." }),
    redactions: z.number().int().meta({ description: 'Personal identifiers taken out of its free text.' }),
    tdbUuid: z.string().nullable(),
    acceptedAt: Timestamp.nullable(),
    createdAt: Timestamp,
  })
  .meta({ id: 'TdbSubmission' });
export type TdbSubmission = z.infer<typeof TdbSubmission>;

export const TdbSubmissionPage = z
  .object({
    enabled: z.boolean().meta({ description: 'Whether a Database endpoint is configured (TDB_URL).' }),
    counts: z.record(TdbSubmissionStatus, z.number().int()),
    items: z.array(TdbSubmission),
  })
  .meta({ id: 'TdbSubmissionPage' });
export type TdbSubmissionPage = z.infer<typeof TdbSubmissionPage>;

export const TdbSubmissionQuery = z.object({
  status: TdbSubmissionStatus.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** A signed checkpoint exactly as `checkpoints.jsonl` holds it: save it, and pass it to `docket-verify --checkpoint`. */
export const PublishedCheckpoint = z
  .object({
    seq: z.number().int().min(1),
    head: z.string().meta({ description: 'chain(seq), lowercase hex.' }),
    issuedAt: Timestamp,
    keyId: z.string(),
    signature: z
      .base64()
      .meta({ description: 'Ed25519 over the canonical checkpoint statement (docs/audit-bundle.md §4).' }),
  })
  .meta({ id: 'PublishedCheckpoint' });
export type PublishedCheckpoint = z.infer<typeof PublishedCheckpoint>;

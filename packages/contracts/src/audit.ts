import { z } from 'zod';

const Timestamp = z.iso.datetime({ offset: true });

export const AUDIT_KEYS_FORMAT = 'docket.audit.keys.v1';

export const AuditKey = z
  .object({
    keyId: z.string().meta({ description: '`ed25519:` + the first 16 bytes of SHA-256(public key), hex.' }),
    algorithm: z.literal('Ed25519'),
    publicKey: z.base64().meta({ description: 'The raw 32-byte Ed25519 public key, base64.' }),
    createdAt: Timestamp,
    retiredAt: Timestamp.nullable().meta({ description: 'When it stopped signing new checkpoints.' }),
  })
  .meta({ id: 'AuditKey' });
export type AuditKey = z.infer<typeof AuditKey>;

/** The published keys an outside verifier pins: the same shape as a bundle's `keys.json`. */
export const AuditKeys = z
  .object({ format: z.literal(AUDIT_KEYS_FORMAT), keys: z.array(AuditKey) })
  .meta({ id: 'AuditKeys' });
export type AuditKeys = z.infer<typeof AuditKeys>;

export const AuditStatus = z
  .object({
    sealedThrough: z.number().int().meta({ description: 'The highest sealed seq (0: nothing sealed yet).' }),
    head: z.string().nullable().meta({ description: 'chain(sealedThrough), lowercase hex.' }),
    pending: z.object({
      count: z.number().int().meta({ description: 'Committed events not sealed yet.' }),
      oldestOccurredAt: Timestamp.nullable(),
      oldestAgeSeconds: z.number().nullable(),
    }),
    sealingWaitsOn: z
      .object({
        transactions: z.number().int(),
        oldestOpenSeconds: z.number().nullable(),
      })
      .meta({
        description:
          'Open transactions that wrote audit events. Sealing waits for them to end, so one left open holds sealing up until it commits or is ended.',
      }),
    latestCheckpoint: z.object({ seq: z.number().int(), issuedAt: Timestamp, keyId: z.string() }).nullable(),
    verification: z.object({
      ok: z.boolean(),
      verifiedThrough: z.number().int(),
      checkedAt: Timestamp,
      complete: z
        .boolean()
        .meta({ description: 'Whether verification reached the head (it resumes on the next request).' }),
      checked: z.string().meta({ description: 'What was checked, in words.' }),
      problem: z
        .object({
          seq: z.number().int(),
          kind: z.enum(['gap', 'leaf', 'chain', 'event', 'checkpoint', 'signature']),
          detail: z.string(),
        })
        .nullable(),
    }),
    keys: z.array(AuditKey),
  })
  .meta({ id: 'AuditStatus' });
export type AuditStatus = z.infer<typeof AuditStatus>;

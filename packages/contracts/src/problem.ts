import { z } from 'zod';

/** The closed set of error types every API error maps to (RFC 9457 `type` is `/problems/<code>`). */
export const ERROR_CODES = [
  'invalid',
  'unauthenticated',
  'session_ended',
  'forbidden',
  'access_required',
  'not_found',
  'conflict',
  'expired',
  'csrf',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'unavailable',
  'content_unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const Problem = z
  .object({
    type: z.string().meta({ example: '/problems/invalid' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.enum(ERROR_CODES),
    requestId: z.string(),
    errors: z
      .array(z.object({ field: z.string(), message: z.string() }))
      .optional()
      .meta({ description: 'For `invalid`: one entry per offending field (dotted path).' }),
    retryAfterSeconds: z.number().int().optional(),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof Problem>;

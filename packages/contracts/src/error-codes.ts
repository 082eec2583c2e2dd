// Plain values, apart from the zod schemas: the console's first load needs them without zod.
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

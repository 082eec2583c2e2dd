/**
 * Plain vocabularies, apart from the zod schemas built on them: the console's first load (its
 * route loaders) needs them without zod (ADR 038).
 */
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

/** Report categories Docket supports (DESIGN §3). The first five are urgent. */
export const CATEGORIES = [
  'child_safety',
  'grooming',
  'sextortion',
  'violent_threat',
  'self_harm',
  'harassment',
  'hate',
  'scam_fraud',
  'spam',
  'other',
] as const;

export const REPORT_SOURCES = ['user_report', 'legal_request', 'automated'] as const;

export const CASE_SORTS = ['priority', 'oldest', 'newest', 'sla'] as const;
export type CaseSort = (typeof CASE_SORTS)[number];
export const CASE_AGES = ['under_1h', 'over_1h', 'over_24h', 'over_7d'] as const;
export type CaseAge = (typeof CASE_AGES)[number];
export const SLA_STATES = ['overdue', 'on_time'] as const;

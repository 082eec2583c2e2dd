import type { ErrorCode, Problem } from '@docket/contracts';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  invalid: 400,
  unauthenticated: 401,
  session_ended: 401,
  csrf: 403,
  forbidden: 403,
  access_required: 403,
  not_found: 404,
  conflict: 409,
  // A deadline passed before the action: a conflict with the resource's state, like any other.
  expired: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  content_unavailable: 500,
  unavailable: 503,
};

const TITLE: Record<ErrorCode, string> = {
  invalid: 'Invalid request',
  unauthenticated: 'Not signed in',
  session_ended: 'Session ended',
  csrf: 'Missing or invalid CSRF token',
  forbidden: 'Not permitted',
  access_required: 'Access grant required',
  not_found: 'Not found',
  conflict: 'Conflict',
  expired: 'Expired',
  payload_too_large: 'Request body too large',
  unsupported_media_type: 'Unsupported media type',
  rate_limited: 'Too many attempts',
  internal: 'Internal error',
  content_unavailable: 'Stored content could not be decrypted',
  unavailable: 'Service unavailable',
};

export interface FieldError {
  field: string;
  message: string;
}

/**
 * An error as a value: thrown by domain code, turned into problem+json in one place. A refusal
 * that has already written its own audit event (a failed sign-in, a refused read) says so with
 * `audited`, so the error handler does not record it a second time.
 */
export class AppError extends Error {
  readonly audited: boolean;

  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly extra: { errors?: FieldError[]; retryAfterSeconds?: number } = {},
    options: { audited?: boolean } = {},
  ) {
    super(detail);
    this.name = 'AppError';
    this.audited = options.audited ?? false;
  }

  get status(): ContentfulStatusCode {
    return STATUS[this.code];
  }
}

export function toProblem(error: AppError, requestId: string): Problem {
  return {
    type: `/problems/${error.code}`,
    title: TITLE[error.code],
    status: STATUS[error.code],
    detail: error.detail,
    code: error.code,
    requestId,
    ...error.extra,
  };
}

import { ERROR_CODES, type ErrorCode } from '@docket/contracts';

/** The server's closed set of problem codes, plus what only the client can observe. */
export type ApiErrorCode = ErrorCode | 'network' | 'unknown';

export interface FieldError {
  field: string;
  message: string;
}

interface ApiErrorInit {
  status: number;
  code: ApiErrorCode;
  title: string;
  detail: string;
  requestId: string | null;
  fieldErrors?: FieldError[];
  retryAfterSeconds?: number | null;
}

/** An RFC 9457 problem from the API (or a failure to reach it), as a typed value. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly title: string;
  readonly detail: string;
  readonly requestId: string | null;
  readonly fieldErrors: readonly FieldError[];
  readonly retryAfterSeconds: number | null;

  constructor(init: ApiErrorInit) {
    super(init.detail);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.requestId = init.requestId;
    this.fieldErrors = init.fieldErrors ?? [];
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
  }

  /**
   * Field errors keyed by top-level field name (`roles.0` → `roles`), the shape a form's
   * `validationErrors` takes. Several messages for one field are joined.
   */
  fieldErrorMap(): Record<string, string> {
    const map: Record<string, string> = {};
    for (const { field, message } of this.fieldErrors) {
      const name = field.split('.')[0] ?? field;
      map[name] = map[name] ? `${map[name]}; ${message}` : message;
    }
    return map;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

const SERVER_CODES: ReadonlySet<string> = new Set<string>(ERROR_CODES);

const asString = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);

function asFieldErrors(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => {
    const field = asString(entry?.field);
    const message = asString(entry?.message);
    return field && message ? [{ field, message }] : [];
  });
}

/**
 * Builds an ApiError from a failed response's status and parsed body. Anything that is not a
 * well-formed problem (a proxy's HTML error page, an empty body) still becomes a readable error.
 */
export function problemToApiError(status: number, body: unknown, requestIdHeader: string | null = null): ApiError {
  const problem = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const code = asString(problem.code);
  const retryAfter = problem.retryAfterSeconds;
  return new ApiError({
    status,
    code: code && SERVER_CODES.has(code) ? (code as ErrorCode) : 'unknown',
    title: asString(problem.title) ?? `HTTP ${status}`,
    detail: asString(problem.detail) ?? fallbackDetail(status),
    requestId: asString(problem.requestId) ?? requestIdHeader,
    fieldErrors: asFieldErrors(problem.errors),
    retryAfterSeconds: typeof retryAfter === 'number' && Number.isFinite(retryAfter) ? retryAfter : null,
  });
}

function fallbackDetail(status: number): string {
  if (status >= 500) return 'Docket had a problem answering. Try again in a moment.';
  return `The request failed (HTTP ${status}).`;
}

export function networkError(detail = 'Could not reach Docket. Check your connection and try again.'): ApiError {
  return new ApiError({
    status: 0,
    code: 'network',
    title: 'Network error',
    detail,
    requestId: null,
  });
}

import { isDatabaseOutage } from '@docket/db';
import type { Hook } from '@hono/zod-openapi';
import type { Context, ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { z } from 'zod';
import { runAction } from '../actions/context';
import { recordRefusal } from '../audit/refusals';
import type { AppEnv } from '../context';
import { ContentUnavailableError } from '../encryption/content';
import { AppError, type FieldError, toProblem } from './problem';

export function problemResponse(c: Context<AppEnv>, error: AppError): Response {
  const body = toProblem(error, c.get('requestId') ?? 'unknown');
  const headers: Record<string, string> = { 'content-type': 'application/problem+json' };
  if (error.extra.retryAfterSeconds) headers['retry-after'] = String(error.extra.retryAfterSeconds);
  return c.body(JSON.stringify(body), error.status, headers);
}

const NOT_ACCEPTED = 'not accepted here';

/** One error per field; a field the schema does not know is named too, so the caller sees which. */
export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ field: [...issue.path, key].join('.'), message: NOT_ACCEPTED }))
      : [{ field: issue.path.length ? issue.path.join('.') : '(body)', message: issue.message }],
  );
}

/** A 400 naming each offending field. */
export function invalidInput(c: Context<AppEnv>, errors: FieldError[]): Response {
  return problemResponse(c, invalidError(errors));
}

function invalidError(errors: FieldError[]): AppError {
  const summary = errors.map((e) => `${e.field}: ${e.message}`).join('; ');
  return new AppError('invalid', summary, { errors });
}

export const validationHook: Hook<unknown, AppEnv, string, unknown> = async (result, c) => {
  if (!result.success) {
    const errors = fieldErrors(result.error);
    // A typo is a 400; a field no route accepts (an admin sending a password for someone else) is probing.
    const unexpectedFields = errors.filter((e) => e.message === NOT_ACCEPTED).map((e) => e.field);
    if (unexpectedFields.length) await recordRefusal(c, invalidError(errors), { unexpectedFields });
    return invalidInput(c, errors);
  }
};

/**
 * Content that fails to decrypt is an integrity incident, not a client error: it gets its own
 * audit event (outside the failed action's rolled-back transaction) and a clear problem that
 * names the row but carries no content.
 */
async function contentUnavailable(c: Context<AppEnv>, error: ContentUnavailableError): Promise<Response> {
  const deps = c.get('deps');
  deps.logger.error(
    { requestId: c.get('requestId'), ...error.what, reason: error.reason },
    'content decryption failed',
  );
  const recorded = runAction(c, (ctx) =>
    ctx.emit({
      action: 'content.decryption_failed',
      outcome: 'failure',
      target: error.what.messageId
        ? { type: 'message', id: `${error.what.conversationId}/${error.what.messageId}` }
        : error.what.reportId
          ? { type: 'report', id: error.what.reportId }
          : { type: 'conversation', id: error.what.conversationId },
      details: { reason: error.reason },
    }),
  );
  await recorded.catch((auditError: unknown) =>
    deps.logger.error({ err: String(auditError) }, 'could not audit a decryption failure'),
  );
  return problemResponse(
    c,
    new AppError('content_unavailable', `Stored content could not be decrypted (${error.reason}).`),
  );
}

/** How long a client should wait before retrying through a database outage (a restart takes seconds). */
const OUTAGE_RETRY_AFTER_SECONDS = 3;

/** Retryable, and not a bug: the client can tell the two apart by the status and `Retry-After`. */
function databaseUnavailable(c: Context<AppEnv>, error: Error): Response {
  c.get('deps')?.logger.warn({ err: error.message, requestId: c.get('requestId') }, 'database unavailable');
  return problemResponse(
    c,
    new AppError('unavailable', 'The database is unreachable just now. Try again shortly.', {
      retryAfterSeconds: OUTAGE_RETRY_AFTER_SECONDS,
    }),
  );
}

/** The one place errors become HTTP responses. Unknown errors are logged, never echoed. */
export const onError: ErrorHandler<AppEnv> = async (error, c) => {
  if (error instanceof AppError) {
    await recordRefusal(c, error);
    return problemResponse(c, error);
  }
  if (error instanceof ContentUnavailableError) return contentUnavailable(c, error);
  if (error instanceof HTTPException) {
    const status = error.status;
    const code =
      status === 413
        ? 'payload_too_large'
        : status === 415
          ? 'unsupported_media_type'
          : status === 401
            ? 'unauthenticated'
            : status === 404
              ? 'not_found'
              : 'invalid';
    const detail =
      status === 400 && /json/i.test(error.message) ? 'The request body is not valid JSON.' : error.message;
    return problemResponse(c, new AppError(code, detail || 'Bad request.'));
  }
  if (isDatabaseOutage(error)) return databaseUnavailable(c, error);
  c.get('deps')?.logger.error(
    { err: { name: error.name, stack: error.stack }, requestId: c.get('requestId') },
    'unhandled error',
  );
  return problemResponse(
    c,
    new AppError('internal', 'Something went wrong on our side. Quote the request id when reporting it.'),
  );
};

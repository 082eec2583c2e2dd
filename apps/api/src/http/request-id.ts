/**
 * Request ids are the server's: every request gets a fresh one, used in the audit log, the
 * access log and problem+json. A caller's `X-Request-Id` is never adopted — otherwise a caller
 * could make unrelated audit events share an id — and is kept only as `clientRequestId` in the
 * access log, for correlating with the caller's own logs.
 */
import { randomUUID } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context';

export const REQUEST_ID_HEADER = 'X-Request-Id';

export const issueRequestId: MiddlewareHandler<AppEnv> = async (c, next) => {
  const id = randomUUID();
  c.set('requestId', id);
  c.header(REQUEST_ID_HEADER, id);
  await next();
};

// Short and plain, so a caller cannot forge log lines or smuggle content through it.
const CLIENT_REQUEST_ID = /^[\w.:-]{1,64}$/;

/** The caller's own request id when it is short and plain; never the request's id. */
export function clientRequestId(c: Context<AppEnv>): string | undefined {
  const given = c.req.header(REQUEST_ID_HEADER);
  return given && CLIENT_REQUEST_ID.test(given) ? given : undefined;
}

import { Problem } from '@docket/contracts';
import { createRoute, OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import { authorize, type RoutePermission } from '../auth/middleware';
import type { AppEnv } from '../context';
import { validationHook } from './errors';
import { refuseUnsafeText } from './safe-input';

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: Problem } },
});

/**
 * What a route writes to the audit log when it succeeds — exactly one event, with one of these
 * actions — or `none` for a read that neither changes anything nor returns content. Refusals
 * (401, 403, 404, 409, 410) are recorded by the error handler whatever this says.
 */
export type RouteAudit = 'none' | string | readonly string[];

/**
 * Every API route is defined here: its OpenAPI schema, the permission it needs, which is both
 * enforced (before validation, so strangers learn nothing about shapes) and published as
 * `x-permission`, and what it records, published as `x-audit` — for the docs, the route × role
 * test and the audit coverage test. Every route also refuses unsafe text (`safe-input.ts`).
 */
export function defineRoute<const R extends Omit<RouteConfig, 'middleware'>>(
  config: R & { permission: RoutePermission; audit: RouteAudit },
) {
  const { permission, audit, ...rest } = config;
  return createRoute({
    ...rest,
    'x-permission': permission,
    'x-audit': audit === 'none' ? [] : typeof audit === 'string' ? [audit] : audit,
    middleware: [authorize(permission), refuseUnsafeText] as const,
    responses: {
      400: problem('Invalid input; `errors` names each field.'),
      ...(rest.method === 'get' ? {} : { 413: problem(`Request body over the limit.`) }),
      500: problem('A fault on our side, never the input; quote `requestId` when reporting it.'),
      503: problem('The database is unreachable for now; retry after `Retry-After` seconds.'),
      ...(permission === 'public'
        ? {}
        : permission === 'service'
          ? { 401: problem('Missing, stale or wrong signature; unknown or disabled key.') }
          : {
              401: problem('Not signed in, or the session ended.'),
              403: problem('Missing permission or CSRF token.'),
            }),
      ...rest.responses,
    },
  });
}

/** A router for one feature, with validation errors rendered as problem+json. */
export function featureRouter() {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
}

/** A JSON request body for a route definition (required: a missing body is a 400). */
export const jsonBody = <T>(schema: T) => ({ required: true as const, content: { 'application/json': { schema } } });

/** A JSON response for a route definition. */
export const jsonResponse = <T>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

/**
 * Refused requests are audit events too: a 401, 403, 404, 409 or 410 on a known API route, or a
 * body with fields no route accepts, writes one `request.refused` event, unless the code that
 * refused it already wrote its own (a failed sign-in, a refused read, a rejected signature). The
 * action's transaction has rolled back by now, so the event is emitted in a small action of its own.
 */
import { escapeUnsafeText } from '@docket/contracts';
import type { Context } from 'hono';
import { runAction } from '../actions/context';
import type { EmittedEvent } from '../actions/events';
import type { AppEnv } from '../context';
import type { AppError } from '../http/problem';

const REFUSED_STATUSES: ReadonlySet<number> = new Set([401, 403, 404, 409, 410]);

// What the `:id`-style parameter of a route names, for the event's target.
const TARGET_TYPES: readonly [prefix: string, type: string][] = [
  ['/api/cases/:id', 'case'],
  ['/api/access/requests/:id', 'access_request'],
  ['/api/access/grants/:id', 'access_grant'],
  ['/api/access/break-glass/:id', 'access_grant'],
  ['/api/decisions/:id', 'decision'],
  ['/api/staff/:id', 'staff_user'],
  ['/api/role-changes/:id', 'staff_role_change'],
  ['/api/service-accounts/:id', 'service_account'],
  ['/api/queues/:queueId', 'queue'],
  ['/api/policies/:code', 'policy'],
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The pattern of the API route this request matched, or null when it matched none. */
function matchedApiRoute(c: Context<AppEnv>): string | null {
  const route = c.req.matchedRoutes.find((r) => r.method !== 'ALL' && r.path.startsWith('/api/'));
  return route?.path ?? null;
}

/** Options of a refusal the status alone would not record: a body with fields no route accepts. */
export interface RefusalOptions {
  unexpectedFields?: string[];
}

export function refusalEvent(
  c: Context<AppEnv>,
  error: AppError,
  { unexpectedFields = [] }: RefusalOptions = {},
): EmittedEvent<'request.refused'> | null {
  if (error.audited || (!REFUSED_STATUSES.has(error.status) && unexpectedFields.length === 0)) return null;
  const route = matchedApiRoute(c);
  if (!route) return null;
  const event: EmittedEvent<'request.refused'> = {
    action: 'request.refused',
    outcome: 'denied',
    details: {
      status: error.status,
      code: error.code,
      method: c.req.method,
      route,
      ...(unexpectedFields.length ? { unexpectedFields } : {}),
    },
  };
  const entry = TARGET_TYPES.find(([prefix]) => route.startsWith(prefix));
  if (entry) {
    const [prefix, type] = entry;
    const id = c.req.param(prefix.slice(prefix.lastIndexOf(':') + 1));
    if (id) {
      // A path may decode to text Postgres cannot store (or be cut mid-pair); the event must still be written.
      event.target = { type, id: escapeUnsafeText(id.slice(0, 200)) };
      if (type === 'case' && UUID.test(id)) event.caseId = id;
      if (type === 'access_grant' && UUID.test(id)) event.grantId = id;
    }
  }
  return event;
}

/** Writes the refusal's event; a failure to write it is logged, and the refusal still stands. */
export async function recordRefusal(c: Context<AppEnv>, error: AppError, options?: RefusalOptions): Promise<void> {
  const event = refusalEvent(c, error, options);
  if (!event) return;
  const deps = c.get('deps');
  await runAction(c, (ctx) => ctx.emit(event)).catch((auditError: unknown) =>
    deps.logger.error({ err: String(auditError), requestId: c.get('requestId') }, 'could not audit a refused request'),
  );
}

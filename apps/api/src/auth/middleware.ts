import { timingSafeEqual } from 'node:crypto';
import { can, type Permission } from '@docket/permissions';
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { runAction } from '../actions/context';
import type { AppEnv, ServiceCaller, Session } from '../context';
import { requestPath } from '../http/client';
import { AppError } from '../http/problem';
import { verifySignedRequest } from '../service-accounts/signed-requests';
import { SECURE_SESSION_COOKIE, SESSION_COOKIE } from './sessions';

/**
 * What a route needs: a permission from the vocabulary, any signed-in staff, a request signed
 * by an enabled platform service account (`service`), or nothing.
 */
export type RoutePermission = Permission | 'authenticated' | 'service' | 'public';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function sessionToken(c: Parameters<MiddlewareHandler<AppEnv>>[0]): string | undefined {
  return getCookie(c, SECURE_SESSION_COOKIE) ?? getCookie(c, SESSION_COOKIE);
}

/** Resolves the session cookie (if any) for every API request. */
export const loadSession: MiddlewareHandler<AppEnv> = async (c, next) => {
  const token = sessionToken(c);
  const { sessions, config } = c.get('deps');
  const session = token ? await sessions.find(token, config.session) : null;
  c.set('session', session);
  c.set('sessionEnded', Boolean(token) && !session);
  await next();
};

/**
 * Browsers always send Origin on cross-site writes; refusing a foreign one stops login CSRF
 * and any form posted from another site, before a session is even involved.
 */
export const sameOriginWrites: MiddlewareHandler<AppEnv> = async (c, next) => {
  const origin = c.req.header('origin');
  if (!SAFE_METHODS.has(c.req.method) && origin) {
    const { publicUrl } = c.get('deps').config;
    const allowed = [new URL(c.req.url).origin, publicUrl && new URL(publicUrl).origin];
    if (!allowed.includes(origin)) throw new AppError('csrf', 'Cross-site requests are not accepted.');
  }
  await next();
};

function csrfMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Enforces a route's declared permission, and the CSRF token on every state-changing request. */
export function authorize(permission: RoutePermission): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (permission === 'public') return next();
    // Service requests carry no cookie, so CSRF does not apply; the signature covers the body.
    if (permission === 'service') {
      c.set('service', await verifySignedRequest(c));
      return next();
    }
    const session = c.get('session');
    if (!session) {
      throw c.get('sessionEnded')
        ? new AppError('session_ended', 'Your session has ended. Sign in again.')
        : new AppError('unauthenticated', 'Sign in to continue.');
    }
    if (!SAFE_METHODS.has(c.req.method) && !csrfMatches(session.csrfToken, c.req.header('x-csrf-token'))) {
      throw new AppError('csrf', 'Missing or invalid X-CSRF-Token header. Reload the page and try again.');
    }
    if (permission !== 'authenticated' && !can(session.user.roles, permission)) {
      await runAction(c, (ctx) =>
        ctx.emit({
          action: 'authz.denied',
          outcome: 'denied',
          details: { permission, method: c.req.method, path: requestPath(c) },
        }),
      );
      throw new AppError('forbidden', `You do not have the ${permission} permission.`, {}, { audited: true });
    }
    await next();
  };
}

/** The session of a route that declared a non-public permission (authorize has run). */
export function signedIn(c: Parameters<MiddlewareHandler<AppEnv>>[0]): Session {
  const session = c.get('session');
  if (!session) throw new AppError('unauthenticated', 'Sign in to continue.');
  return session;
}

/** The platform caller of a route declared `service` (authorize has verified it). */
export function signedService(c: Parameters<MiddlewareHandler<AppEnv>>[0]): ServiceCaller {
  const service = c.get('service');
  if (!service) throw new AppError('unauthenticated', 'Sign the request.');
  return service;
}

import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { AppEnv } from '../context';

/** The caller's address: the first X-Forwarded-For hop only when behind a trusted proxy. */
export function clientIp(c: Context<AppEnv>): string | null {
  if (c.get('deps').config.trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null; // in-process requests (tests) have no socket
  }
}

export function userAgent(c: Context<AppEnv>): string | null {
  return c.req.header('user-agent')?.slice(0, 512) ?? null;
}

/** True when the browser reached us over HTTPS (directly, or through a trusted proxy). */
export function isHttps(c: Context<AppEnv>): boolean {
  if (c.get('deps').config.trustProxy && c.req.header('x-forwarded-proto') === 'https') return true;
  return new URL(c.req.url).protocol === 'https:';
}

/** The path as the client sent it, still percent-encoded: safe to record whatever it decodes to. */
export function requestPath(c: Context<AppEnv>): string {
  return new URL(c.req.url).pathname;
}

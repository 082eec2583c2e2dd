/**
 * Every API route, enumerated from the app itself, against every role: anonymous → 401,
 * a role without the declared permission → 403 (and an audit event), a role with it → neither;
 * platform (signed) routes refuse every staff session with 401.
 * A route added without a declared permission fails here.
 */
import { can, ROLES, type Role } from '@docket/permissions';
import { describe, expect, it } from 'vitest';
import type { RoutePermission } from '../auth/middleware';
import { useTestApp } from '../testing/harness';

const t = useTestApp();
const SAMPLE_ID = '00000000-0000-4000-8000-000000000000';
const bodyFor = (method: string) => (method === 'GET' || method === 'HEAD' ? undefined : {});

function apiRoutes() {
  const document = t.app.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 'matrix', version: '0' } });
  const seen = new Set<string>();
  const routes: { method: string; path: string; permission: RoutePermission | undefined }[] = [];
  for (const route of t.app.routes) {
    if (!route.path.startsWith('/api/') || route.method === 'ALL') continue;
    const key = `${route.method} ${route.path}`;
    if (seen.has(key)) continue; // route middleware registers the same path more than once
    seen.add(key);
    const openApiPath = route.path.replace(/:(\w+)/g, '{$1}');
    const operation = document.paths?.[openApiPath]?.[route.method.toLowerCase() as 'get'] as
      | { 'x-permission'?: RoutePermission }
      | undefined;
    routes.push({ method: route.method, path: route.path, permission: operation?.['x-permission'] });
  }
  return routes;
}

function allowed(permission: RoutePermission, roles: Role[]) {
  if (permission === 'public' || permission === 'authenticated') return true;
  return permission !== 'service' && can(roles, permission);
}

describe('route × role matrix', () => {
  it('finds the routes, and every one declares a permission', () => {
    const routes = apiRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(10);
    expect(routes.filter((route) => !route.permission).map((route) => `${route.method} ${route.path}`)).toEqual([]);
  });

  it('refuses anonymous callers with 401 on every non-public route', async () => {
    for (const route of apiRoutes().filter((r) => r.permission !== 'public')) {
      const response = await t.request(route.method, route.path.replace(/:\w+/g, SAMPLE_ID), {
        body: bodyFor(route.method),
      });
      expect(response.status, `${route.method} ${route.path}`).toBe(401);
    }
  });

  it.each(ROLES.map((role) => [role]))(
    'gives %s exactly what its permissions allow',
    async (role) => {
      for (const route of apiRoutes().filter((r) => r.permission !== 'public')) {
        // A fresh session per route: some routes (sign-out) end the session they are called with.
        const { session } = await t.signedIn([role]);
        const response = await t.request(route.method, route.path.replace(/:\w+/g, SAMPLE_ID), {
          session,
          body: bodyFor(route.method),
        });
        const label = `${role} ${route.method} ${route.path} (${route.permission})`;
        if (route.permission === 'service') {
          // Only a platform signature opens intake; a staff session, whatever its roles, does not.
          expect(response.status, label).toBe(401);
        } else if (allowed(route.permission as RoutePermission, [role])) {
          // Past the permission gate a route may still refuse this object (no grant, not your case),
          // but never as a permission or authentication failure.
          expect(response.status, label).not.toBe(401);
          if (response.status === 403) expect((await response.json()).code, label).not.toMatch(/^(forbidden|csrf)$/);
        } else {
          expect(response.status, label).toBe(403);
          expect((await response.json()).code, label).toBe('forbidden');
        }
      }
    },
    120_000,
  );

  it('records a refused permission as an audit event', async () => {
    const { session, id } = await t.signedIn(['reviewer']);
    await t.request('GET', '/api/staff', { session });
    const denied = await t.auditEvents('authz.denied');
    expect(denied).toContainEqual(
      expect.objectContaining({
        actor_id: id,
        outcome: 'denied',
        details: { permission: 'read:staff', method: 'GET', path: '/api/staff' },
      }),
    );
  });
});

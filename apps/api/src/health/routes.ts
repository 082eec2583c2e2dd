import { Hono } from 'hono';
import { sql } from 'kysely';
import type { AppEnv } from '../context';

/** Liveness and readiness for load balancers and orchestrators; public and outside `/api`. */
export const healthRoutes = new Hono<AppEnv>()
  .get('/healthz', (c) => c.json({ status: 'ok' }))
  .get('/readyz', async (c) => {
    try {
      await sql`select 1`.execute(c.var.deps.db);
      return c.json({ status: 'ready', database: 'reachable' });
    } catch {
      return c.json({ status: 'unavailable', database: 'unreachable' }, 503);
    }
  });

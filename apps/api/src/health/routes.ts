import { Hono } from 'hono';
import type { AppEnv } from '../context';
import { problemResponse } from '../http/errors';
import { AppError } from '../http/problem';
import { readiness } from '../ops/health';
import { mayScrape } from '../ops/metrics';

/**
 * Liveness, readiness and metrics for load balancers, orchestrators and Prometheus (ADR 034);
 * outside `/api`. `/healthz`: the process answers. `/readyz`: send it traffic — the database
 * answers, the schema is this code's, the sealer and job loops turn, and it is not shutting down.
 */
export const healthRoutes = new Hono<AppEnv>()
  .get('/healthz', (c) => c.json({ status: 'ok' }))
  .get('/readyz', async (c) => {
    const { ready, body } = await readiness(c.get('deps').db, c.get('deps').ops);
    if (!ready) c.header('retry-after', '1');
    return c.json(body, ready ? 200 : 503);
  })
  .get('/metrics', async (c) => {
    const allowed = mayScrape(c.get('deps').config.metricsToken, c.req.header('authorization'));
    if (allowed === 'off') return problemResponse(c, new AppError('not_found', 'Nothing at /metrics.'));
    if (!allowed) {
      c.header('www-authenticate', 'Bearer realm="docket-metrics"');
      return problemResponse(c, new AppError('unauthenticated', 'Metrics need the bearer token in METRICS_TOKEN.'));
    }
    const { contentType, body } = await c.get('deps').metrics.scrape();
    c.header('cache-control', 'no-store');
    return c.body(body, 200, { 'content-type': contentType });
  });

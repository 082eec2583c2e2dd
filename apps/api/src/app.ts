import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { OpenAPIHono } from '@hono/zod-openapi';
import { Scalar } from '@scalar/hono-api-reference';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { AccessEventHub } from './access/live';
import { accessRoutes, caseAccessRoutes } from './access/routes';
import { accountRoutes } from './accounts/routes';
import { appealIntakeRoutes, caseAppealRoutes } from './appeals/routes';
import { auditExportRoutes } from './audit/export-routes';
import { auditRoutes } from './audit/routes';
import { auditSearchRoutes } from './audit/search-routes';
import { loadSession, sameOriginWrites } from './auth/middleware';
import { authRoutes } from './auth/routes';
import { SessionCache } from './auth/session-cache';
import { caseRoutes, decisionRoutes } from './cases/routes';
import type { AppDeps, AppEnv, AppServices } from './context';
import { dashboardRoutes } from './dashboard/routes';
import { healthRoutes } from './health/routes';
import { accessLog } from './http/access-log';
import { onError, problemResponse, validationHook } from './http/errors';
import { AppError } from './http/problem';
import { issueRequestId } from './http/request-id';
import { mountConsole } from './http/static-console';
import { intakeRoutes } from './intake/routes';
import { legalRoutes } from './legal/routes';
import { meRoutes } from './me/routes';
import { noOperations } from './ops/health';
import { createMetrics } from './ops/metrics';
import { policyRoutes } from './policies/routes';
import { queueRoutes } from './queues/routes';
import { createQueueSummaryCache } from './queues/summary-cache';
import { holdRoutes, retentionRoutes } from './retention/routes';
import { serviceAccountRoutes } from './service-accounts/routes';
import { enrolmentRoutes, roleChangeRoutes, staffRoutes } from './staff/routes';
import { transparencyPageRoutes } from './transparency/public/routes';
import { reportRoutes } from './transparency/reports/routes';
import { transparencyRoutes } from './transparency/routes';
import { webhookRoutes } from './webhooks/routes';

const API_BODY_LIMIT = 1024 * 1024;

const CONSOLE_CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

// The API reference renders with an inline bootstrap script; it is the only page allowed one.
const DOCS_CSP = { ...CONSOLE_CSP, scriptSrc: ["'self'", "'unsafe-inline'"] };

const scalarBundle = readFileSync(
  createRequire(import.meta.url).resolve('@scalar/api-reference/browser/standalone.js'),
);

export interface AppOptions {
  /** Folder of the built console to serve; omit in development (Vite serves it). */
  consoleDist?: string | undefined;
}

export function createApp(deps: AppDeps, options: AppOptions = {}) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.use('*', issueRequestId);
  const ops = deps.ops ?? noOperations;
  const metrics = createMetrics(deps.db, ops);
  const services: AppServices = {
    ...deps,
    queueSummaries: createQueueSummaryCache(deps.config.queueSummaryMaxAgeSeconds * 1000),
    accessEvents: new AccessEventHub(deps.listen),
    sessions: new SessionCache(deps.db, deps.listen, deps.config.sessionCacheSeconds * 1000),
    ops,
    metrics,
  };
  app.use('*', async (c, next) => {
    c.set('deps', services);
    c.set('session', null);
    c.set('sessionEnded', false);
    c.set('service', null);
    await next();
  });
  app.use('*', accessLog);
  app.use('*', metrics.middleware);
  app.use('/docs', secureHeaders({ contentSecurityPolicy: DOCS_CSP }));
  const consoleHeaders = secureHeaders({ contentSecurityPolicy: CONSOLE_CSP });
  app.use('*', (c, next) => (c.req.path === '/docs' ? next() : consoleHeaders(c, next)));

  const tooLarge = (c: Context<AppEnv>) =>
    problemResponse(c, new AppError('payload_too_large', `Request bodies are limited to ${API_BODY_LIMIT} bytes.`));
  const chunkedBodyLimit = bodyLimit({ maxSize: API_BODY_LIMIT, onError: tooLarge });
  // Intake sets its own, larger limits per endpoint. Elsewhere a body's size is judged from its
  // Content-Length where it gives it (Node's parser reads exactly that many bytes, and browsers
  // send `Content-Length: 0` on a POST without a body): asking for the body would build a second
  // copy of the request to find it empty. A chunked body is counted as it streams.
  app.use('/api/*', (c, next) => {
    if (c.req.path.startsWith('/api/intake/') || c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const length = c.req.header('content-length');
    if (length === undefined || c.req.header('transfer-encoding') !== undefined) return chunkedBodyLimit(c, next);
    return Number(length) > API_BODY_LIMIT ? Promise.resolve(tooLarge(c)) : next();
  });
  app.use('/api/*', async (c, next) => {
    await next();
    // On the response's own headers: `c.header` after the handler rebuilds the whole response as a stream.
    c.res.headers.set('cache-control', 'no-store');
  });
  app.use('/api/*', sameOriginWrites);
  app.use('/api/*', loadSession);

  app.route('/api/auth', authRoutes);
  app.route('/api/staff', staffRoutes);
  app.route('/api/role-changes', roleChangeRoutes);
  app.route('/api/enrolment', enrolmentRoutes);
  app.route('/api/queues', queueRoutes);
  app.route('/api/cases', caseRoutes);
  app.route('/api/cases', caseAccessRoutes);
  app.route('/api/cases', caseAppealRoutes);
  app.route('/api/access', accessRoutes);
  app.route('/api/decisions', decisionRoutes);
  app.route('/api/accounts', accountRoutes);
  app.route('/api/audit', auditSearchRoutes);
  app.route('/api/policies', policyRoutes);
  app.route('/api/me', meRoutes);
  app.route('/api/service-accounts', serviceAccountRoutes);
  app.route('/api/intake', intakeRoutes);
  app.route('/api/intake', appealIntakeRoutes);
  app.route('/api/webhooks', webhookRoutes);
  app.route('/api/legal', legalRoutes);
  app.route('/api/holds', holdRoutes);
  app.route('/api/retention', retentionRoutes);
  app.route('/api/audit', auditRoutes);
  app.route('/api/audit', auditExportRoutes);
  app.route('/api/transparency', transparencyRoutes);
  app.route('/api/transparency', reportRoutes);
  app.route('/api/dashboard', dashboardRoutes);
  app.all('/api/*', (c) =>
    problemResponse(c, new AppError('not_found', `No API route ${c.req.method} ${c.req.path}.`)),
  );

  app.route('/', healthRoutes);
  app.route('/', transparencyPageRoutes);
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Docket API',
      version: '0.1.0',
      description:
        'Trust-and-safety console API. Every operation lists the permission it needs as `x-permission`. ' +
        'Errors are RFC 9457 problem+json. State-changing requests need the `X-CSRF-Token` from `GET /api/auth/session`.',
    },
  });
  app.get('/docs/scalar.js', (c) => {
    c.header('content-type', 'text/javascript; charset=utf-8');
    c.header('cache-control', 'public, max-age=86400');
    return c.body(scalarBundle);
  });
  app.get(
    '/docs',
    Scalar({ url: '/openapi.json', cdn: '/docs/scalar.js', pageTitle: 'Docket API', withDefaultFonts: false }),
  );

  if (options.consoleDist) mountConsole(app, options.consoleDist);

  app.notFound((c) => problemResponse(c, new AppError('not_found', `Nothing at ${c.req.path}.`)));
  app.onError(onError);
  return Object.assign(app, {
    /** At shutdown: every live-event stream is told to reconnect (to another replica) and closed. */
    closeStreams: () => services.accessEvents.closeStreams(),
    /** At shutdown, before the pool closes: the session cache's LISTEN. */
    stopSessionCache: () => services.sessions.stop(),
  });
}

export type App = ReturnType<typeof createApp>;

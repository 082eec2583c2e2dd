import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { AppEnv } from '../context';
import { clientRequestId } from './request-id';

export const accessLog: MiddlewareHandler<AppEnv> = async (c, next) => {
  const started = performance.now();
  await next();
  c.get('deps').logger.info(
    {
      requestId: c.get('requestId'),
      clientRequestId: clientRequestId(c),
      method: c.req.method,
      route: routePath(c),
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      actorId: c.get('session')?.user.id ?? null,
    },
    'request',
  );
};

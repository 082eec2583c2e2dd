import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import type { AppEnv } from '../context';

/**
 * Serves the built console (one process, one port). Hashed assets are cached for a year and
 * sent precompressed (brotli or gzip, by Accept-Encoding); index.html is revalidated on every
 * load; any other non-API path gets index.html so client-side routes survive a reload.
 */
export function mountConsole(app: Hono<AppEnv>, distDir: string): boolean {
  const indexFile = path.join(distDir, 'index.html');
  if (!existsSync(indexFile)) return false;
  const root = path.relative(process.cwd(), distDir);
  // Re-read when the build changes, so a rebuilt console is served without a restart.
  let cached = { mtimeMs: 0, html: '' };
  const indexHtml = () => {
    const { mtimeMs } = statSync(indexFile);
    if (mtimeMs !== cached.mtimeMs) cached = { mtimeMs, html: readFileSync(indexFile, 'utf8') };
    return cached.html;
  };

  // The build writes .br and .gz beside each asset; the one the browser accepts is sent as is.
  const assets = serveStatic({ root, precompressed: true });
  app.use('/assets/*', async (c, next) => {
    // Source maps are not published, even if a build made some.
    if (c.req.path.endsWith('.map')) return c.notFound();
    const found = await assets(c, next);
    if (found?.status === 200) {
      // Asset names carry their content hash, so a cached copy is never stale.
      found.headers.set('cache-control', 'public, max-age=31536000, immutable');
      // Set on every answer, compressed or not, so a shared cache keeps one copy per encoding.
      if (!found.headers.get('vary')?.includes('Accept-Encoding')) found.headers.append('vary', 'Accept-Encoding');
    }
    return found;
  });
  const files = serveStatic({ root, precompressed: true });
  // Folder paths (`/`, `/staff/`) are client routes, never the dist folder itself.
  app.use('*', (c, next) => (c.req.path.endsWith('/') ? next() : files(c, next)));
  app.get('*', (c) => {
    if (c.req.path.startsWith('/api/')) return c.notFound();
    c.header('cache-control', 'no-cache');
    return c.html(indexHtml());
  });
  return true;
}

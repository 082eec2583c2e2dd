import { Hono } from 'hono';
import type { AppEnv } from '../../context';
import { publicPageData } from './page-data';
import { renderTransparencyPage } from './render';

/**
 * The public transparency page at /transparency, outside /api and before the console's fallback:
 * no sign-in, no JavaScript, nothing recorded (like the JSON it links to, it is public).
 */
export const transparencyPageRoutes = new Hono<AppEnv>().get('/transparency', async (c) => {
  const page = await renderTransparencyPage(await publicPageData(c.get('deps').db));
  c.header('cache-control', 'no-cache');
  return c.html(page);
});

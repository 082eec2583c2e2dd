import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { firstLoadBudget } from './build/first-load';
import { precompress } from './build/precompress';

// In development the API runs on its own port; everything it serves is proxied so the console
// talks to one origin, exactly as in production (where the API serves the built console).
const API = process.env.DOCKET_API_URL ?? 'http://127.0.0.1:3000';
// `^/transparency/?$`: the public report page, and not the console's /transparency-reports.
const proxied = ['/api', '/docs', '/openapi.json', '/healthz', '/readyz', '^/transparency/?$'];

export default defineConfig({
  plugins: [
    react(),
    // Every page is a lazy route; sign-in must stay quick on a slow link.
    firstLoadBudget({ limitBytes: 150_000, routeModule: 'src/features/auth/SignInPage.tsx' }),
    precompress(),
  ],
  server: {
    port: 5173,
    proxy: Object.fromEntries(proxied.map((path) => [path, { target: API }])),
  },
  build: {
    // The production CSP allows scripts from 'self' only; never inline anything.
    assetsInlineLimit: 0,
    // The console is open source, but a served map would also map every deployment's build; none.
    sourcemap: false,
    // The first load is held by the budget above; a lazy page this big would be worth a look.
    chunkSizeWarningLimit: 500,
  },
});

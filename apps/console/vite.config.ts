import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development the API runs on its own port; everything it serves is proxied so the console
// talks to one origin, exactly as in production (where the API serves the built console).
const API = process.env.DOCKET_API_URL ?? 'http://127.0.0.1:3000';
const proxied = ['/api', '/docs', '/openapi.json', '/healthz', '/readyz'];

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: Object.fromEntries(proxied.map((path) => [path, { target: API }])),
  },
  build: {
    // The production CSP allows scripts from 'self' only; never inline anything.
    assetsInlineLimit: 0,
    sourcemap: true,
    // The shell is one chunk of ~780 kB (~240 kB gzip; zod, pulled in by the contracts, is much of it); the case
    // view, supervision and admin pages load as their own chunks. Warn when the shell outgrows that.
    chunkSizeWarningLimit: 800,
  },
});

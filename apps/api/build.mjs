// Builds dist/main.mjs (the API as `pnpm start` and the Docker image run it) and
// dist/bench-server.mjs (the same plus the bench-only route): one plain-JavaScript file each, so
// production runs without a TypeScript loader in the process (ADR 048). Native and WASM packages,
// and pino (which loads its transports by name), stay in node_modules.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = fileURLToPath(new URL('.', import.meta.url));
await build({
  entryPoints: { main: resolve(here, 'src/main.ts'), 'bench-server': resolve(here, 'bench/server.ts') },
  outdir: resolve(here, 'dist'),
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  external: ['@node-rs/argon2', '@electric-sql/pglite', '@electric-sql/pglite/*', 'pg-native', 'pino', 'pino-pretty'],
  // Bundled CommonJS packages still call require(); ESM output has none of its own.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  logLevel: 'warning',
});

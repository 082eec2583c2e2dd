// Builds dist/docket-verify.mjs (or the path given): the verifier CLI as one self-contained file
// that runs with plain `node` on a machine without this repository.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = fileURLToPath(new URL('.', import.meta.url));
await build({
  entryPoints: [resolve(here, 'src/cli/main.ts')],
  outfile: process.argv[2] ? resolve(process.argv[2]) : resolve(here, 'dist/docket-verify.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Readable on purpose: an auditor may want to see what the verifier does.
  minify: false,
  legalComments: 'eof',
  logLevel: 'warning',
});

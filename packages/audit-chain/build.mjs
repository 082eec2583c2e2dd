// Builds dist/docket-verify.mjs: the verifier CLI as one self-contained file for plain `node`.
import { build } from 'esbuild';

await build({
  entryPoints: [new URL('./src/cli/main.ts', import.meta.url).pathname],
  outfile: new URL('./dist/docket-verify.mjs', import.meta.url).pathname,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Readable on purpose: an auditor may want to see what the verifier does.
  minify: false,
  legalComments: 'eof',
  logLevel: 'warning',
});

/**
 * What `docker build -f apps/api/Dockerfile .` sends to the daemon, computed from the root
 * `.dockerignore` with a port of Docker's own matcher: never local state (the embedded database
 * and its keyring), secrets or `.env` files, nor dependencies and build output — and always the
 * sources the image builds from.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ignore from '@balena/dockerignore';
import { afterAll, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const rules = readFileSync(path.join(root, '.dockerignore'), 'utf8');

/** The files in the build context, walking as Docker does (an ignored folder is not entered unless a rule re-includes under it). */
function buildContext(dir: string): string[] {
  const matcher = ignore().add(rules);
  const reincludes = rules.split('\n').some((line) => line.trim().startsWith('!'));
  const files: string[] = [];
  const walk = (relative: string) => {
    for (const entry of readdirSync(path.join(dir, relative), { withFileTypes: true })) {
      const name = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!reincludes && matcher.ignores(name)) continue;
        walk(name);
      } else if (!matcher.ignores(name)) {
        files.push(name);
      }
    }
  };
  walk('');
  return files;
}

/** Anything that must never reach an image layer or a remote builder. */
function forbidden(file: string): boolean {
  const parts = file.split('/');
  const base = parts.at(-1) as string;
  return (
    parts.includes('.data') ||
    parts.includes('node_modules') ||
    parts.includes('dist') ||
    parts.includes('.git') ||
    base === '.env' ||
    base.startsWith('.env.') ||
    /\.(pem|key)$/.test(base) ||
    /^(keyring|audit-signing).*\.json$/.test(base)
  );
}

const planted = [
  '.data/pglite/base/1/1259',
  '.data/keys/keyring.json',
  '.data/keys/audit-signing.json',
  'apps/api/.data/keys/keyring.json',
  '.env',
  '.env.production',
  'apps/api/.env',
  'apps/api/.env.local',
  'secrets/keyring.json',
  'deploy/keys/audit-signing.json',
  'deploy/tls/server.pem',
  'deploy/tls/server.key',
  'node_modules/pg/package.json',
  'apps/api/node_modules/hono/package.json',
  'packages/db/node_modules/.bin/tsc',
  'apps/console/dist/index.html',
  'packages/audit-chain/dist/docket-verify.js',
  'apps/api/tsconfig.tsbuildinfo',
];
const needed = [
  'package.json',
  'pnpm-lock.yaml',
  'pnpm-workspace.yaml',
  'tsconfig.base.json',
  'apps/api/package.json',
  'apps/api/src/main.ts',
  'apps/console/index.html',
  'apps/console/src/main.tsx',
  'packages/db/src/index.ts',
];

const scratch = mkdtempSync(path.join(tmpdir(), 'docket-docker-context-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

it('leaves local state, keys, .env, dependencies and build output out of the build context, and keeps the sources', () => {
  writeFileSync(path.join(scratch, '.dockerignore'), rules);
  for (const file of [...planted, ...needed]) {
    mkdirSync(path.dirname(path.join(scratch, file)), { recursive: true });
    writeFileSync(path.join(scratch, file), 'x');
  }
  const context = buildContext(scratch);
  expect(context.filter(forbidden)).toEqual([]);
  expect(context).toEqual(expect.arrayContaining(needed));
});

it("sends none of this checkout's local state, dependencies or secrets to docker build", () => {
  const context = buildContext(root);
  expect(context.filter(forbidden)).toEqual([]);
  expect(context).toEqual(expect.arrayContaining(needed));
  // The workspace's manifests all go in, or the image's frozen install fails.
  const manifests = ['apps', 'packages'].flatMap((group) =>
    readdirSync(path.join(root, group)).map((name) => `${group}/${name}/package.json`),
  );
  expect(context).toEqual(expect.arrayContaining(manifests));
});

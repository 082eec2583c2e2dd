import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type BuiltChunk, firstLoadBudget, htmlScripts, measureFirstLoad } from './first-load';

const html = `<!doctype html><head>
  <script type="module" crossorigin src="/assets/index-a.js"></script>
  <link rel="modulepreload" crossorigin href="/assets/vendor-b.js">
  <link rel="stylesheet" crossorigin href="/assets/index-c.css">
</head>`;

// Random bytes do not compress much: base64 of n bytes gzips to roughly n.
const noise = (bytes: number) => randomBytes(bytes).toString('base64');

const chunks: Record<string, BuiltChunk> = {
  'assets/index-a.js': { code: 'a', imports: ['assets/vendor-b.js'] },
  'assets/vendor-b.js': { code: 'b', imports: [] },
  'assets/SignInPage-d.js': { code: 'd', imports: ['assets/form-e.js', 'assets/vendor-b.js'] },
  'assets/form-e.js': { code: 'e', imports: [] },
  'assets/CasePage-f.js': { code: 'f', imports: [] },
};

describe('JavaScript before sign-in', () => {
  it('counts the scripts and modulepreloads of index.html, not its stylesheets', () => {
    expect(htmlScripts(html)).toEqual(['assets/index-a.js', 'assets/vendor-b.js']);
  });

  it('adds the sign-in route and what it imports, each file once, and nothing behind other routes', () => {
    const { files } = measureFirstLoad(html, chunks, ['assets/SignInPage-d.js']);
    expect(files.map(({ file }) => file).sort()).toEqual([
      'assets/SignInPage-d.js',
      'assets/form-e.js',
      'assets/index-a.js',
      'assets/vendor-b.js',
    ]);
  });

  it('fails the build when the first load passes its budget', () => {
    const budget = firstLoadBudget({ limitBytes: 5_000, routeModule: 'src/SignInPage.tsx' });
    const bundle = (signInBytes: number) => ({
      'index.html': { type: 'asset', source: html },
      'assets/index-a.js': { type: 'chunk', code: 'a', imports: ['assets/vendor-b.js'] },
      'assets/vendor-b.js': { type: 'chunk', code: 'b', imports: [] },
      'assets/SignInPage-d.js': {
        type: 'chunk',
        code: noise(signInBytes),
        imports: [],
        facadeModuleId: '/repo/apps/console/src/SignInPage.tsx',
      },
    });
    const context = {
      error: (message: string) => {
        throw new Error(message);
      },
      info: () => {},
    };
    const run = (signInBytes: number) =>
      (budget.writeBundle as unknown as (this: typeof context, o: unknown, b: unknown) => void).call(
        context,
        {},
        bundle(signInBytes),
      );
    expect(() => run(1_000)).not.toThrow();
    expect(() => run(20_000)).toThrow(/over the 5\.0 kB budget/);
  });
});

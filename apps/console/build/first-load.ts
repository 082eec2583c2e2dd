/**
 * The first-load budget: the JavaScript a browser fetches to show /sign-in — the scripts and
 * modulepreloads index.html names, plus the sign-in route's lazy chunk and what it imports —
 * measured gzipped. The build fails when it outgrows the budget.
 */
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

export interface BuiltChunk {
  code: string;
  /** Files this chunk imports statically (fetched before it runs). */
  imports: string[];
}

/** Script and modulepreload files named by the built index.html, as bundle file names. */
export function htmlScripts(html: string): string[] {
  const files: string[] = [];
  for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const isModule = /\btype="module"/.test(tag) || /\brel="modulepreload"/.test(tag);
    const url = /\b(?:src|href)="([^"]+)"/.exec(tag)?.[1];
    if (isModule && url?.endsWith('.js')) files.push(url.replace(/^\//, ''));
  }
  return files;
}

/** Every file reached from the roots through static imports, each once. */
export function staticClosure(roots: string[], chunks: Record<string, BuiltChunk>): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    const chunk = chunks[file];
    if (!chunk) throw new Error(`first-load budget: ${file} is not in the build`);
    seen.add(file);
    for (const imported of chunk.imports) visit(imported);
  };
  for (const root of roots) visit(root);
  return [...seen];
}

export function gzipBytes(code: string): number {
  return gzipSync(code, { level: 9 }).length;
}

export interface FirstLoad {
  files: { file: string; gzip: number }[];
  gzip: number;
}

export function measureFirstLoad(html: string, chunks: Record<string, BuiltChunk>, routeChunks: string[]): FirstLoad {
  const files = staticClosure([...htmlScripts(html), ...routeChunks], chunks).map((file) => ({
    file,
    gzip: gzipBytes(chunks[file]?.code ?? ''),
  }));
  return { files, gzip: files.reduce((sum, { gzip }) => sum + gzip, 0) };
}

/**
 * Fails the production build when the JavaScript before sign-in passes `limitBytes` gzipped.
 * `routeModule` is the source path (relative to the console) of the sign-in page's lazy module.
 */
export function firstLoadBudget(options: { limitBytes: number; routeModule: string }): Plugin {
  return {
    name: 'docket-first-load-budget',
    apply: 'build',
    // After writing, so the code is final (vite rewrites preload calls while generating).
    writeBundle(_output, bundle) {
      const chunks: Record<string, BuiltChunk> = {};
      const routeChunks: string[] = [];
      let html = '';
      for (const [file, item] of Object.entries(bundle)) {
        if (item.type === 'chunk') {
          chunks[file] = { code: item.code, imports: item.imports };
          if (item.facadeModuleId?.endsWith(options.routeModule)) routeChunks.push(file);
        } else if (file === 'index.html') {
          html = String(item.source);
        }
      }
      if (routeChunks.length === 0) this.error(`first-load budget: no chunk for ${options.routeModule}; is it lazy?`);
      const { gzip } = measureFirstLoad(html, chunks, routeChunks);
      const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
      if (gzip > options.limitBytes) {
        this.error(
          `JavaScript before sign-in is ${kb(gzip)} gzip, over the ${kb(options.limitBytes)} budget. ` +
            'Load what sign-in does not need from a lazy route.',
        );
      }
      this.info(`JavaScript before sign-in: ${kb(gzip)} gzip (budget ${kb(options.limitBytes)})`);
    },
  };
}

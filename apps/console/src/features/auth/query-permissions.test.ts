/**
 * Every console query names, in `meta.permission`, the permission its API route declares: that
 * is what keeps the console from asking for what its user may not use (see permissions.ts).
 * Checked here against the API's own declarations, walked from the real app, so the two
 * cannot drift apart.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useTestApp } from '../../../../api/src/testing/harness';

const t = useTestApp();
const SAMPLE_ID = '00000000-0000-4000-8000-000000000000';

interface DeclaredQuery {
  queryKey: readonly unknown[];
  queryFn?: (context: unknown) => Promise<unknown>;
  meta?: { permission?: string };
}

/** Every query factory of every feature (`fooQuery` exported from a `*-query.ts`), built with sample arguments. */
function consoleQueries(): { name: string; query: DeclaredQuery }[] {
  const modules = import.meta.glob<Record<string, unknown>>('../*/*-query.ts', { eager: true });
  return Object.entries(modules).flatMap(([file, exports]) =>
    Object.entries(exports)
      .filter(([name, value]) => name.endsWith('Query') && typeof value === 'function')
      .map(([name, factory]) => ({
        name: `${file.replace('../', '')} ${name}`,
        query: (factory as (...args: unknown[]) => DeclaredQuery)(SAMPLE_ID, SAMPLE_ID),
      })),
  );
}

/** The path a query's fetcher asks for, caught before it leaves. */
async function pathOf(query: DeclaredQuery): Promise<string> {
  let requested = '';
  vi.stubGlobal('fetch', async (url: string) => {
    requested = url;
    throw new Error('not sent');
  });
  const signal = new AbortController().signal;
  await query.queryFn?.({ queryKey: query.queryKey, signal, pageParam: null, meta: query.meta }).catch(() => {});
  return new URL(requested, 'http://console.test').pathname;
}

/** The permission the API declares for `GET path`, from its published `x-permission`. */
function serverPermission(path: string): string | undefined {
  const document = t.app.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 'console', version: '0' } });
  for (const [template, operations] of Object.entries(document.paths ?? {})) {
    const pattern = new RegExp(`^${template.replace(/\{\w+\}/g, '[^/]+')}$`);
    const get = (operations as { get?: { 'x-permission'?: string } }).get;
    if (pattern.test(path) && get) return get['x-permission'];
  }
  return undefined;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('console queries and the API routes they call', () => {
  it('finds the queries', () => {
    expect(consoleQueries().length).toBeGreaterThanOrEqual(15);
  });

  it('name exactly the permission their route declares (none for routes open to anyone signed in)', async () => {
    const mismatches: string[] = [];
    for (const { name, query } of consoleQueries()) {
      const path = await pathOf(query);
      const declared = serverPermission(path);
      const named = query.meta?.permission ?? 'authenticated';
      // A public route needs no permission: a query naming none is right for it too.
      if (declared !== named && !(declared === 'public' && named === 'authenticated'))
        mismatches.push(`${name}: GET ${path} needs ${declared}, the query names ${named}`);
    }
    expect(mismatches).toEqual([]);
  });
});

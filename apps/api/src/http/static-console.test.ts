import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { beforeAll, expect, it } from 'vitest';
import { type App, createApp } from '../app';
import { useTestApp } from '../testing/harness';

const t = useTestApp();
const dist = mkdtempSync(path.join(tmpdir(), 'docket-dist-'));
let app: App;

beforeAll(() => {
  mkdirSync(path.join(dist, 'assets'));
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Docket v1</title>');
  writeFileSync(path.join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
  writeFileSync(path.join(dist, 'assets', 'index-abc123.js.br'), brotliCompressSync('console.log(1)'));
  writeFileSync(path.join(dist, 'assets', 'index-abc123.js.gz'), gzipSync('console.log(1)'));
  writeFileSync(path.join(dist, 'assets', 'index-abc123.js.map'), '{"sources":["secret.ts"]}');
  writeFileSync(path.join(dist, 'favicon.svg'), '<svg/>');
  app = createApp(t.deps, { consoleDist: dist });
});

it('serves the console at / and at every client route, never a folder', async () => {
  for (const url of ['/', '/staff', '/queues/urgent', '/staff/']) {
    const response = await app.request(url);
    expect(response.status, url).toBe(200);
    expect(response.headers.get('content-type'), url).toMatch(/^text\/html/);
    expect(await response.text(), url).toContain('Docket v1');
  }
});

it('serves hashed assets as immutable, with a strict CSP on the page', async () => {
  const asset = await app.request('/assets/index-abc123.js');
  expect(asset.status).toBe(200);
  expect(asset.headers.get('cache-control')).toContain('immutable');
  const page = await app.request('/');
  expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
  expect(page.headers.get('cache-control')).toBe('no-cache');
  expect((await app.request('/favicon.svg')).status).toBe(200);
});

it('sends the precompressed copy the browser accepts, and says the answer varies by it', async () => {
  const cases = [
    { accept: 'gzip, deflate, br, zstd', encoding: 'br' },
    { accept: 'gzip, deflate', encoding: 'gzip' },
    { accept: '', encoding: null },
  ];
  for (const { accept, encoding } of cases) {
    const response = await app.request('/assets/index-abc123.js', { headers: { 'accept-encoding': accept } });
    expect(response.status, accept).toBe(200);
    expect(response.headers.get('content-encoding'), accept).toBe(encoding);
    expect(response.headers.get('content-type'), accept).toMatch(/javascript/);
    expect(response.headers.get('vary'), accept).toContain('Accept-Encoding');
    expect(response.headers.get('cache-control'), accept).toContain('immutable');
    const body = Buffer.from(await response.arrayBuffer());
    const expected = { br: brotliCompressSync('console.log(1)'), gzip: gzipSync('console.log(1)') };
    expect(body.equals(encoding ? expected[encoding as 'br' | 'gzip'] : Buffer.from('console.log(1)')), accept).toBe(
      true,
    );
  }
});

it('never publishes a source map, even one left in the build', async () => {
  const response = await app.request('/assets/index-abc123.js.map');
  expect(response.status).toBe(404);
  expect(await response.text()).not.toContain('secret.ts');
});

it('keeps API misses as API problems, not the console page', async () => {
  const response = await app.request('/api/nope');
  expect(response.status).toBe(404);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
});

it('serves a rebuilt console without a restart', async () => {
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Docket v2</title>');
  const later = new Date(Date.now() + 5000);
  utimesSync(path.join(dist, 'index.html'), later, later);
  expect(await (await app.request('/')).text()).toContain('Docket v2');
});

/**
 * `pnpm bench:console`: builds the console for production, serves it from a real API process and
 * prints what /sign-in costs on a slow link — the JavaScript before sign-in (gzip, as the build's
 * budget counts it; and as sent over the wire) and the time until the sign-in form can be used,
 * in Chromium throttled to 1.6 Mbps down, 750 kbps up, 150 ms round trip, with an empty cache.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { startApiProcess } from '@docket/api/testing/api-process';
import { createTemplateDatabase, createTestDatabase, dropDatabase, startTestServer } from '@docket/db/testing';
import { chromium } from 'playwright-core';
import { type BuiltChunk, measureFirstLoad } from '../build/first-load';
import { buildConsole } from '../e2e/support/stack';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const consoleDir = path.resolve(import.meta.dirname, '..');
const distDir = path.join(consoleDir, 'dist');
const THROTTLE = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1_000_000) / 8,
  uploadThroughput: (750 * 1_000) / 8,
};

/** The same count the build's budget makes, read back from dist/. */
function firstLoadFromDist() {
  const assets = path.join(distDir, 'assets');
  const chunks: Record<string, BuiltChunk> = {};
  for (const name of readdirSync(assets).filter((file) => file.endsWith('.js'))) {
    const code = readFileSync(path.join(assets, name), 'utf8');
    // Rollup writes static imports as `from"./x.js"` / `import"./x.js"`; dynamic ones are `import("./x.js")`.
    const imports = [...code.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)].map((m) => `assets/${m[1]}`);
    chunks[`assets/${name}`] = { code, imports };
  }
  const signIn = Object.keys(chunks).filter((file) => /\/SignInPage-[^/]+\.js$/.test(file));
  return measureFirstLoad(readFileSync(path.join(distDir, 'index.html'), 'utf8'), chunks, signIn);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

console.log('console first load — building for production…');
await buildConsole();
const firstLoad = firstLoadFromDist();

const server = await startTestServer();
const template = await createTemplateDatabase(server.adminUrl);
const database = await createTestDatabase(server.adminUrl, template);
// Demo mode only for its generated local keyring; no reports, so the server stays quiet while measured.
const api = await startApiProcess({
  NODE_ENV: 'production',
  DATABASE_URL: database.url,
  CONSOLE_DIST: distDir,
  DOCKET_DEMO: 'true',
  DOCKET_DEMO_REPORTS: '0',
});
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking'],
});
const loadBefore = loadavg()[0] ?? 0;
try {
  const interactive: number[] = [];
  const wireBytes: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', THROTTLE);
    const scripts = new Set<string>();
    let scriptBytes = 0;
    cdp.on('Network.responseReceived', (event) => {
      if (event.type === 'Script') scripts.add(event.requestId);
    });
    cdp.on('Network.loadingFinished', (event) => {
      if (scripts.has(event.requestId)) scriptBytes += event.encodedDataLength;
    });
    await page.goto(`${api.baseUrl}/sign-in`, { waitUntil: 'commit' });
    // Interactive: the username field is on screen and React has rendered the form around it.
    const ms = await page.waitForFunction(
      () => {
        const field = document.querySelector<HTMLInputElement>('form input[name="username"]');
        return field && !field.disabled ? performance.now() : null;
      },
      undefined,
      { polling: 'raf', timeout: 60_000 },
    );
    interactive.push(Number(await ms.jsonValue()));
    wireBytes.push(scriptBytes);
    await context.close();
  }
  const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
  console.log(
    `  JavaScript before sign-in: ${kb(firstLoad.gzip)} gzip in ${firstLoad.files.length} files (budget 150 kB)`,
  );
  console.log(`  sent over the wire (brotli, headers included): ${kb(median(wireBytes))}`);
  console.log(
    `  /sign-in interactive at 1.6 Mbps / 150 ms RTT, empty cache: median ${median(interactive).toFixed(0)} ms ` +
      `(min ${Math.min(...interactive).toFixed(0)}, max ${Math.max(...interactive).toFixed(0)}, ${RUNS} runs)`,
  );
  // Seconds on a shared machine depend on its load; the figures are only comparable with it.
  console.log(
    `  load average ${loadBefore.toFixed(2)} → ${(loadavg()[0] ?? 0).toFixed(2)} (1-minute, ${availableParallelism()} cores)`,
  );
} finally {
  await browser.close();
  await api.stop();
  await database.drop();
  await dropDatabase(server.adminUrl, template);
  await server.stop();
}

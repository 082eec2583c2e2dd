/**
 * The verifier core in a real browser (Debian's Chromium): the same bundle gives the same verdict
 * with Web Crypto and @noble/hashes as with node:crypto.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENTS_FILE } from '../bundle/format';
import type * as Core from '../index';
import { nodeCryptoProvider } from '../node/crypto';
import { CRAFTED_BUNDLES, craftGenuine, craftSource, expectedFailure } from '../testing/crafted-bundles';
import { TestLedger } from '../testing/fixture';
import { CASE_ID } from '../testing/records';
import { BundleFiles } from '../testing/tamper';
import { blob } from '../testing/zip';
import { verifyBundle } from './verify';

const CHROMIUM = '/usr/bin/chromium';
let browser: Browser;
let page: Page;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) return;
  const bundled = await build({
    entryPoints: [resolve(import.meta.dirname, '../index.ts')],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    globalName: 'DocketAuditChain',
    write: false,
    logLevel: 'silent',
  });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  page = await browser.newPage();
  // Web Crypto needs a secure context; localhost is one. The page is served by the route, not a server.
  await page.route('http://localhost/verify', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>verify</title>' }),
  );
  await page.goto('http://localhost/verify');
  await page.addScriptTag({ content: bundled.outputFiles[0]!.text });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

/** Verifies `bytes` inside the page, from a File as an upload would give it, trusting only `keyIds` if given. */
function verifyInBrowser(bytes: Uint8Array, keyIds: string[] = []) {
  return page.evaluate(
    async ({ base64, keyIds }) => {
      const { verifyBundle, webCryptoProvider } = (globalThis as unknown as { DocketAuditChain: typeof Core })
        .DocketAuditChain;
      const data = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
      const file = new File([data], 'bundle.zip', { type: 'application/zip' });
      return verifyBundle(file, { crypto: webCryptoProvider(), trust: { keyIds } });
    },
    { base64: Buffer.from(bytes).toString('base64'), keyIds },
  );
}

describe.skipIf(!existsSync(CHROMIUM))('in the browser', () => {
  it('verifies a bundle exactly as the CLI does, and fails a tampered one the same way', async () => {
    const ledger = new TestLedger({ events: 40, checkpointEvery: 10 });
    const bytes = await ledger.bundle({
      inScope: (record) => record.caseId === CASE_ID,
      scope: { kind: 'case', caseId: CASE_ID },
    });
    const inNode = await verifyBundle(blob(bytes), { crypto: nodeCryptoProvider() });
    expect(inNode).toMatchObject({ ok: true });
    expect(await verifyInBrowser(bytes)).toEqual(inNode);

    const files = await BundleFiles.open(await ledger.bundle());
    const lines = files.lines(EVENTS_FILE);
    lines[22] = lines[22]!.replace(/"outcome":"\w+"/, '"outcome":"denied"');
    const tampered = await files.setLines(EVENTS_FILE, lines).zip();
    expect(await verifyInBrowser(tampered)).toEqual({
      ok: false,
      file: EVENTS_FILE,
      seq: 23,
      reason: 'seq 23: event does not match its leaf hash (edited?)',
    });
  });

  it('refuses every archive that is not exactly one zip with one reading, as the CLI does', async () => {
    const source = await craftSource(new TestLedger({ events: 25, checkpointEvery: 10 }));
    const keyIds = [source.ledger.key.entry.keyId];
    expect(await verifyInBrowser(craftGenuine(source), keyIds)).toMatchObject({ ok: true, trust: 'pinned' });
    for (const crafted of CRAFTED_BUNDLES) {
      expect(await verifyInBrowser(crafted.make(source), keyIds), crafted.name).toMatchObject(
        expectedFailure(crafted, source),
      );
    }
  });
});

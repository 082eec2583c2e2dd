import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { verifyBundle } from '@docket/audit-chain';
import { nodeCryptoProvider } from '@docket/audit-chain/node';
import type { Page } from '@playwright/test';
import { type PageMemory, pageMemory, privateFile, watchPageMemory } from './support/save-to-disk';
import { expect, pageHeading, signIn, test } from './support/test';

async function openExport(page: Page) {
  await page.goto('/sign-in');
  await signIn(page, 'auditor');
  await expect(pageHeading(page, 'Audit')).toBeVisible();
  await page.getByRole('link', { name: 'Export & verify' }).click();
  // The export includes only sealed events; everything so far is sealed within a sealing interval.
  await expect(page.getByRole('region', { name: 'Chain status' })).toContainText('nothing pending seal', {
    timeout: 15_000,
  });
}

/** Verified as an outside auditor would: the bundle, and only the keys the server publishes. */
async function verifies(page: Page, bytes: Buffer) {
  const keys = await (await page.request.get('/api/audit/keys')).json();
  const result = await verifyBundle(new Blob([new Uint8Array(bytes)]), {
    crypto: nodeCryptoProvider(),
    trust: { keys },
  });
  expect(result).toMatchObject({ ok: true, trust: 'pinned' });
}

/** Nothing the page made or read whole comes anywhere near the bundle (the largest is a JSON answer). */
function expectNeverHeld(memory: PageMemory, bundleSize: number) {
  expect(bundleSize).toBeGreaterThan(10_000);
  expect(Math.max(0, ...memory.heldBytes)).toBeLessThan(bundleSize / 2);
}

test('without a file picker, the browser’s own download saves the bundle, and the page only follows its progress', async ({
  page,
}) => {
  test.setTimeout(60_000);
  await watchPageMemory(page, { filePicker: 'none' });
  await openExport(page);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export bundle' }).click();
  const file = path.join(tmpdir(), `docket-e2e-export-${Date.now()}.zip`);
  await (await download).saveAs(file);
  await expect(page.getByRole('status').filter({ hasText: /^Saved docket-audit-.*\.zip \(/ })).toBeVisible();
  const bytes = readFileSync(file);
  await verifies(page, bytes);

  const memory = await pageMemory(page);
  expectNeverHeld(memory, bytes.length);
  // The page asked for progress, never for the bundle: the browser fetched it straight to disk.
  const exports = memory.fetched.filter((url) => url.includes('/api/audit/export'));
  expect(exports.length).toBeGreaterThan(0);
  expect(exports.every((url) => url.includes('/api/audit/export/progress/'))).toBe(true);
});

test('with a file picker, the bundle streams into the chosen file with progress, never whole in the page', async ({
  page,
}) => {
  test.setTimeout(60_000);
  await watchPageMemory(page, { filePicker: 'private-file' });
  await openExport(page);
  await page.getByRole('button', { name: 'Export bundle' }).click();
  const saved = page.getByRole('status').filter({ hasText: /^Saved docket-audit-.*\.zip \(/ });
  await expect(saved).toBeVisible();
  const fileName = /^Saved (docket-audit-\S+\.zip)/.exec((await saved.textContent()) ?? '')?.[1] ?? '';
  // Read before the test itself reads the file back out of the page.
  const memory = await pageMemory(page);
  const bytes = await privateFile(page, fileName);
  await verifies(page, bytes);
  expectNeverHeld(memory, bytes.length);
  expect(memory.fetched.filter((url) => url.includes('/api/audit/export?'))).toHaveLength(1);
});

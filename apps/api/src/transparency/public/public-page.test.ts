/**
 * The public transparency page: plain HTML anyone can read without signing in or running
 * JavaScript, listing every published version with its hash and checkpoint, and the newest
 * checkpoint the platform witnessed. The console's client-side fallback never answers for it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runSystemAction } from '../../actions/context';
import { createApp } from '../../app';
import { useTestApp } from '../../testing/harness';
import { witnessCheckpoint } from '../checkpoint';

const t = useTestApp();
let auditor: Awaited<ReturnType<typeof t.signedIn>>;

beforeAll(async () => {
  auditor = await t.signedIn(['auditor']);
});

async function page() {
  const response = await t.request('GET', '/transparency');
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/html/);
  return response.text();
}

describe('the public transparency page', () => {
  it('says plainly that nothing is published or sealed yet, with no script at all', async () => {
    const html = await page();
    expect(html).toContain('No report has been published yet.');
    expect(html).toContain('Nothing has been sealed yet.');
    expect(html).not.toMatch(/<script|<link|https?:\/\//);
    expect(html).toContain('@media print');
  });

  it('lists a published version with its hash, checkpoint and downloads, and the witnessed checkpoint', async () => {
    await t.seal();
    const published = await t.request('POST', '/api/transparency/reports', {
      session: auditor.session,
      body: { period: '2026-Q3' },
    });
    expect(published.status, await published.clone().text()).toBe(201);
    const report = await published.json();
    await t.seal();
    const witnessed = await runSystemAction(t.db, witnessCheckpoint, 'checkpoint-witness');

    const html = await page();
    expect(html).toContain('<h3>2026-Q3</h3>');
    expect(html).toContain(report.sha256);
    expect(html).toContain(`checkpoint ${report.checkpointSeq}`);
    expect(html).toContain(report.report.computedAgainst.checkpoint.head);
    expect(html).toContain(`href="/api/transparency/reports/${report.id}/report.json"`);
    expect(html).toContain(`href="/api/transparency/reports/${report.id}/csv/orders"`);
    expect(html).toContain('href="/api/transparency/report-schema.json"');
    expect(html).toContain('Latest witnessed checkpoint');
    expect(html).toContain(`<dd>${witnessed?.seq}</dd>`);
    expect(html).toContain(witnessed?.signature);

    // What it links to is there, without a session, byte for byte.
    const json = await t.request('GET', `/api/transparency/reports/${report.id}/report.json`);
    expect(json.status).toBe(200);
    const { createHash } = await import('node:crypto');
    expect(
      createHash('sha256')
        .update(Buffer.from(await json.arrayBuffer()))
        .digest('hex'),
    ).toBe(report.sha256);
  });

  it('is answered by the API, not by the console’s client-side fallback', async () => {
    const dist = mkdtempSync(path.join(tmpdir(), 'docket-dist-'));
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Console</title>');
    const withConsole = createApp(t.deps, { consoleDist: dist });
    const html = await (await withConsole.request('/transparency')).text();
    expect(html).toContain('<h1>Transparency reports</h1>');
    expect(html).not.toContain('<title>Console</title>');
    // The console's own pages still fall back to it.
    expect(await (await withConsole.request('/transparency-reports')).text()).toContain('<title>Console</title>');
  });
});

/**
 * The public transparency page as one HTML document: no script, no external asset, an inline
 * print stylesheet, readable by anyone with any browser (or none: it is plain HTML).
 */
import { type PublishedCheckpoint, REPORT_CSV_SHEETS } from '@docket/contracts';
import { html, raw } from 'hono/html';
import type { PublicPageData } from './page-data';

type HtmlPart = ReturnType<typeof html>;

const STYLE = `
  :root { color-scheme: light; --text: #1a1f26; --muted: #596270; --border: #dadee5; --accent: #1f5fbf; }
  body { margin: 0 auto; max-width: 64rem; padding: 2rem 1.25rem 4rem; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: var(--text); }
  h1 { font-size: 1.75rem; margin: 0 0 .5rem; }
  h2 { font-size: 1.25rem; margin: 2.5rem 0 .75rem; border-bottom: 1px solid var(--border); padding-bottom: .25rem; }
  h3 { font-size: 1.05rem; margin: 1.5rem 0 .5rem; }
  p, dd { color: var(--muted); }
  a { color: var(--accent); }
  code, .hash { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .85em; overflow-wrap: anywhere; }
  table { width: 100%; border-collapse: collapse; font-size: .9rem; }
  th, td { text-align: left; vertical-align: top; padding: .4rem .5rem; border-bottom: 1px solid var(--border); }
  th { font-size: .8rem; text-transform: uppercase; letter-spacing: .03em; color: var(--muted); }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0; }
  dt { font-weight: 600; }
  dd { margin: 0; }
  ul.downloads { margin: 0; padding: 0; list-style: none; }
  .note { font-size: .9rem; }
  @media print {
    body { max-width: none; padding: 0; font-size: 10.5pt; }
    a { color: inherit; text-decoration: none; }
    a[href^="/"]::after { content: " (" attr(href) ")"; font-size: .8em; color: var(--muted); }
    h2 { break-after: avoid; }
    tr, dl { break-inside: avoid; }
  }
`;

function checkpointList(checkpoint: PublishedCheckpoint): HtmlPart {
  return html`<dl>
    <dt>Sequence</dt><dd>${checkpoint.seq}</dd>
    <dt>Head hash</dt><dd class="hash">${checkpoint.head}</dd>
    <dt>Signed at</dt><dd>${checkpoint.issuedAt}</dd>
    <dt>Key</dt><dd class="hash">${checkpoint.keyId}</dd>
    <dt>Signature</dt><dd class="hash">${checkpoint.signature}</dd>
  </dl>`;
}

function checkpointSection(data: PublicPageData): HtmlPart {
  const shown = data.witnessed ?? data.newest;
  const heading = data.witnessed ? 'Latest witnessed checkpoint' : 'Latest signed checkpoint';
  const body = shown
    ? html`<p>${
        data.witnessed
          ? 'The newest checkpoint also delivered to the platform, outside this database. '
          : 'No checkpoint has been delivered to the platform yet; this is the newest one signed. '
      }Keep a copy: <code>docket-verify --checkpoint checkpoint.json bundle.zip</code> proves that a later audit bundle extends it.</p>
      ${checkpointList(shown)}
      <p><a href="/api/transparency/checkpoint">The newest checkpoint as JSON</a> · <a href="/api/audit/keys">Public signing keys</a></p>`
    : html`<p>Nothing has been sealed yet.</p>`;
  return html`<section aria-labelledby="checkpoint"><h2 id="checkpoint">${heading}</h2>${body}</section>`;
}

function reportRows(versions: PublicPageData['reports']): HtmlPart[] {
  return versions.map((r) => {
    const base = `/api/transparency/reports/${r.id}`;
    return html`<tr>
      <td>${r.version}</td>
      <td>${r.publishedAt.slice(0, 16).replace('T', ' ')} UTC</td>
      <td class="hash">${r.sha256}</td>
      <td>checkpoint ${r.checkpointSeq}${r.checkpointHead ? html`<br><span class="hash">${r.checkpointHead}</span>` : null}</td>
      <td><ul class="downloads">
        <li><a href="${base}/report.json">JSON</a></li>
        ${REPORT_CSV_SHEETS.map((sheet) => html`<li><a href="${base}/csv/${sheet}">CSV: ${sheet.replaceAll('_', ' ')}</a></li>`)}
      </ul></td>
    </tr>`;
  });
}

function reportsSection(reports: PublicPageData['reports']): HtmlPart {
  if (reports.length === 0) {
    return html`<section aria-labelledby="reports"><h2 id="reports">Published reports</h2><p>No report has been published yet.</p></section>`;
  }
  const periods = new Map<string, PublicPageData['reports']>();
  for (const report of reports) periods.set(report.periodKey, [...(periods.get(report.periodKey) ?? []), report]);
  const sections = [...periods.values()].map((versions) => {
    const first = versions[0] as PublicPageData['reports'][number];
    return html`<section class="period">
      <h3>${first.period.label}</h3>
      <p class="note">${first.period.from.slice(0, 10)} to ${first.period.to.slice(0, 10)} (end exclusive, UTC) · ${
        versions.length === 1
          ? '1 version'
          : `${versions.length} versions; the highest is current, earlier ones stay as published`
      }</p>
      <table>
        <thead><tr><th scope="col">Version</th><th scope="col">Published</th><th scope="col">SHA-256 of report.json</th><th scope="col">Computed against</th><th scope="col">Downloads</th></tr></thead>
        <tbody>${reportRows(versions)}</tbody>
      </table>
    </section>`;
  });
  return html`<section aria-labelledby="reports"><h2 id="reports">Published reports</h2>${sections}</section>`;
}

/** The page; hono/html escapes every value interpolated into it. */
export function renderTransparencyPage(data: PublicPageData) {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Transparency reports</title>
<style>${raw(STYLE)}</style>
</head>
<body>
<header>
  <h1>Transparency reports</h1>
  <p>How often staff read private messages, and why; what authorities asked for and what was produced; how reports were moderated. Every figure is computed from the tamper-evident audit log, against the signed checkpoint named beside it, and small counts are shown only as ranges.</p>
</header>
<main>
${reportsSection(data.reports)}
${checkpointSection(data)}
<section aria-labelledby="formats">
  <h2 id="formats">Formats and checking</h2>
  <p>Each report.json validates against <a href="/api/transparency/report-schema.json">the JSON Schema</a>; its SHA-256 above is the one recorded in the audit log when it was published. The CSV sheets follow the EU harmonised transparency templates (Implementing Regulation (EU) 2024/2835). <code>docket-verify --report report.json bundle.zip</code> recomputes every figure from an audit bundle of the period.</p>
</section>
</main>
</body>
</html>`;
}

/** Every published version, newest first: downloads, and for a correction what changed from the one before. */
import { type PublishedReportSummary, REPORT_CSV_SHEETS } from '@docket/contracts';
import { useState } from 'react';
import { FigureTable } from '../../ui/charts/ChartFigure';
import { EmptyState } from '../../ui/EmptyState';
import { Spinner } from '../../ui/Spinner';
import { breakdownOf, formatValue, labelOf, unitOf } from './figures';
import { usePublishedReport, usePublishedReports } from './published-reports-query';

function Changes({ version }: { version: PublishedReportSummary }) {
  const [open, setOpen] = useState(false);
  const { data, isPending, error } = usePublishedReport(version.id, open);
  return (
    <details className="report-changes" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>What changed from version {version.version - 1}</summary>
      {error ? (
        <p role="alert">Could not load the changes: {error.message}</p>
      ) : isPending || !data ? (
        <p role="status">
          <Spinner /> Loading changes…
        </p>
      ) : (data.changes ?? []).length === 0 ? (
        <p>No figure changed.</p>
      ) : (
        <FigureTable
          caption={`Changes in version ${version.version}`}
          rows={data.changes ?? []}
          rowKey={(change) => change.key}
          columns={[
            { label: 'Figure', value: (change) => labelOf(change.id) },
            { label: 'Breakdown', value: (change) => breakdownOf(change.by) },
            {
              label: `Version ${version.version - 1}`,
              value: (change) => (change.before ? formatValue(change.before, unitOf(change.id)) : 'absent'),
              numeric: true,
            },
            {
              label: `Version ${version.version}`,
              value: (change) => (change.after ? formatValue(change.after, unitOf(change.id)) : 'absent'),
              numeric: true,
            },
          ]}
        />
      )}
    </details>
  );
}

export function PublishedVersions() {
  const { data } = usePublishedReports();
  if (data.items.length === 0) {
    return (
      <EmptyState title="Nothing published yet">
        Published versions appear here and on the public page at <a href="/transparency">/transparency</a>.
      </EmptyState>
    );
  }
  return (
    <ul className="report-versions" aria-label="Published versions">
      {data.items.map((version) => {
        const base = `/api/transparency/reports/${version.id}`;
        return (
          <li key={version.id} className="report-version">
            <h3 className="report-version-title">
              {version.period.label} · version {version.version}
            </h3>
            <p className="report-version-meta">
              Published {version.publishedAt.slice(0, 16).replace('T', ' ')} UTC by {version.publishedBy.label} ·
              checkpoint {version.checkpointSeq} · SHA-256 <code className="mono">{version.sha256}</code>
            </p>
            <p className="report-downloads">
              <a href={`${base}/report.json`} download>
                JSON
              </a>
              {REPORT_CSV_SHEETS.map((sheet) => (
                <a key={sheet} href={`${base}/csv/${sheet}`} download>
                  CSV: {sheet.replaceAll('_', ' ')}
                </a>
              ))}
            </p>
            {version.version > 1 && <Changes version={version} />}
          </li>
        );
      })}
    </ul>
  );
}

import { useIsFetching } from '@tanstack/react-query';
import { Suspense, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { PageHeader, Panel } from '../../ui/PageHeader';
import { Spinner } from '../../ui/Spinner';
import { reportKeys } from './keys';
import { PublishDialog } from './PublishDialog';
import { PublishedVersions } from './PublishedVersions';
import { describePeriod, periodFromParams, type ReportPeriodParams } from './period';
import { usePublishedReports } from './published-reports-query';
import { ReportPeriodPicker } from './ReportPeriodPicker';
import { ReportSections } from './ReportSections';
import { useReportPreview } from './report-preview-query';
import '../../ui/charts/charts.css';
import './transparency-reports.css';

function Preview({ period, onPublished }: { period: ReportPeriodParams; onPublished: (notice: string) => void }) {
  const { data: report } = useReportPreview(period);
  const { data: published } = usePublishedReports();
  const [publishing, setPublishing] = useState(false);
  const versions = published.items.filter(
    (item) => item.period.from === report.period.from && item.period.to === report.period.to,
  );
  const nextVersion = Math.max(0, ...versions.map((v) => v.version)) + 1;
  return (
    <Panel>
      <div className="report-preview-header">
        <div>
          <h2 className="report-preview-title">Preview: {report.period.label}</h2>
          <p className="report-preview-meta">
            {report.period.from.slice(0, 10)} to {report.period.to.slice(0, 10)} (end exclusive, UTC) · computed against
            checkpoint {report.computedAgainst.checkpoint.seq} · counts below {report.suppression.threshold} shown as
            ranges
            {versions.length > 0 && ` · ${versions.length} published version${versions.length > 1 ? 's' : ''}`}
          </p>
        </div>
        <Button variant="primary" onPress={() => setPublishing(true)}>
          {nextVersion > 1 ? `Publish version ${nextVersion}` : 'Publish'}
        </Button>
      </div>
      <ReportSections report={report} />
      {publishing && (
        <PublishDialog
          period={period}
          nextVersion={nextVersion}
          onClose={() => setPublishing(false)}
          onPublished={(version) => {
            setPublishing(false);
            onPublished(`${report.period.label} version ${version} is published and on the public page.`);
          }}
        />
      )}
    </Panel>
  );
}

/** Auditors preview a period's report, publish it, and keep every published version in view. */
export function TransparencyReportPage() {
  const [params] = useSearchParams();
  const period = periodFromParams(params);
  const [notice, setNotice] = useState<string | null>(null);
  const computing = useIsFetching({ queryKey: reportKeys.preview(period) }) > 0;

  return (
    <div className="page">
      <PageHeader
        title="Transparency reports"
        description={
          <>
            Preview a period computed from the audit log, publish it, and find every version on the{' '}
            <a href="/transparency">public page</a>.
          </>
        }
      />
      <ReportPeriodPicker key={describePeriod(period)} period={period} />
      <p className="report-preview-meta" role="status">
        {computing && (
          <>
            <Spinner /> Computing the report for {describePeriod(period)} from the audit log…
          </>
        )}
      </p>
      {notice && (
        <Alert tone="success" title="Published">
          {notice}
        </Alert>
      )}
      <Suspense fallback={null}>
        <Preview period={period} onPublished={setNotice} />
      </Suspense>
      <Panel>
        <h2 className="report-preview-title">Published versions</h2>
        <Suspense
          fallback={
            <p role="status">
              <Spinner /> Loading published versions…
            </p>
          }
        >
          <PublishedVersions />
        </Suspense>
      </Panel>
    </div>
  );
}

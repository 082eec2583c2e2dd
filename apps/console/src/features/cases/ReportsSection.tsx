import type { CaseDetail } from '@docket/contracts';
import { Badge } from '../../ui/Badge';
import { Timestamp } from '../../ui/Timestamp';
import { categoryLabel } from '../queues/categories';
import { CaseSection } from './CaseSection';
import { DestroyedContent } from './EvidenceReveal';

const SOURCE_LABELS: Record<CaseDetail['reports'][number]['source'], string> = {
  user_report: 'User report',
  legal_request: 'Legal request',
  automated: 'Automated signal',
};

/** Each report on the case with the reporter's own words. */
export function ReportsSection({
  reports,
  handleOf,
}: {
  reports: CaseDetail['reports'];
  handleOf: (id: string | null) => string;
}) {
  return (
    <CaseSection id="case-reports" title="Reports" count={reports.length}>
      <ol className="case-list">
        {reports.map((report) => (
          <li key={report.id} className="report">
            <p className="case-item-meta">
              <Badge>{SOURCE_LABELS[report.source]}</Badge>
              <span>{categoryLabel(report.category)}</span>
              <span>
                {report.reporterId ? (
                  <>
                    by <strong>{handleOf(report.reporterId)}</strong>
                  </>
                ) : (
                  'no reporting account'
                )}{' '}
                about <strong>{handleOf(report.reportedAccountId)}</strong>
              </span>
              <Timestamp value={report.receivedAt} />
            </p>
            {report.reporterText === null ? (
              <DestroyedContent at={report.reporterTextDestroyedAt} className="report-text" />
            ) : report.reporterText ? (
              <blockquote className="report-text">{report.reporterText}</blockquote>
            ) : (
              <p className="case-muted">The reporter wrote nothing.</p>
            )}
          </li>
        ))}
      </ol>
    </CaseSection>
  );
}

import type { CaseSummary } from '@docket/contracts';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Badge } from '../../ui/Badge';
import { useNow } from '../../ui/use-now';
import { categoryLabel } from '../queues/categories';
import { formatCountdown, formatDue } from '../queues/durations';
import { caseRef } from './case-ref';

const STATUS_LABELS: Record<CaseSummary['status'], string> = {
  open: 'Open',
  awaiting_confirmation: 'Awaiting confirmation',
  decided: 'Decided',
};

export interface CaseHeaderProps {
  summary: CaseSummary;
  queueName: string;
  /** The server said this person no longer holds the case, whatever the clock says. */
  isLost: boolean;
  /** Buttons at the end of the header (skip, release, timeline, shortcuts). */
  children: ReactNode;
}

/**
 * What the case is and how much time is left on it. The clocks tick every second but are not a
 * live region: reading them out each second would drown everything else.
 */
export function CaseHeader({ summary, queueName, isLost, children }: CaseHeaderProps) {
  const now = useNow();
  const slaLeft = Date.parse(summary.slaDueAt) - now;
  const leaseLeft = summary.leaseExpiresAt ? Date.parse(summary.leaseExpiresAt) - now : null;
  const category = categoryLabel(summary.category);

  return (
    <header className="case-header">
      <title>{`${category} case ${caseRef(summary.id)} · Docket`}</title>
      <div className="case-heading">
        <p className="case-crumbs">
          <Link to="/queues">Queues</Link>
          <span aria-hidden="true"> / </span>
          <span>{queueName}</span>
        </p>
        <h1 tabIndex={-1}>
          {category} <span className="case-ref">{caseRef(summary.id)}</span>
        </h1>
        <p className="case-badges">
          {summary.urgent && <Badge tone="danger">Urgent</Badge>}
          {summary.involvesMinor && <Badge tone="danger">Minor involved</Badge>}
          {summary.status !== 'open' && <Badge tone="accent">{STATUS_LABELS[summary.status]}</Badge>}
          <span className="case-meta">
            {summary.reportCount} {summary.reportCount === 1 ? 'report' : 'reports'}
          </span>
        </p>
      </div>
      <dl className="case-clocks">
        <div className="case-clock" data-alarm={slaLeft < 0 || undefined}>
          <dt className="case-clock-label">SLA due</dt>
          <dd className="case-clock-value">
            <time dateTime={summary.slaDueAt}>{formatDue(slaLeft)}</time>
          </dd>
        </div>
        <div className="case-clock" data-alarm={isLost || (leaseLeft !== null && leaseLeft < 120_000) || undefined}>
          <dt className="case-clock-label">Your hold</dt>
          <dd className="case-clock-value">
            {isLost || leaseLeft === null ? 'Ended' : `${formatCountdown(leaseLeft)} left`}
          </dd>
        </div>
      </dl>
      <div className="case-actions">{children}</div>
    </header>
  );
}

import type { CaseSummary } from '@docket/contracts';
import type { ReactNode } from 'react';
import { Badge } from '../../ui/Badge';
import { categoryLabel } from '../queues/categories';

/** A case in one line for a supervisor's card: category and queue, urgency, minors, then the card's own facts. */
export function CaseSummaryMeta({
  summary,
  queueName,
  children,
}: {
  summary: CaseSummary;
  queueName: string;
  children?: ReactNode;
}) {
  return (
    <p className="pending-meta">
      <span>
        {categoryLabel(summary.category)} · {queueName}
      </span>
      {summary.urgent && <Badge tone="danger">Urgent</Badge>}
      {summary.involvesMinor && <Badge tone="danger">Minor involved</Badge>}
      {children}
    </p>
  );
}

import type { QueueSummary } from '@docket/contracts';
import { Cell, Column, Row, Table, TableBody, TableHeader } from 'react-aria-components';
import { Link } from 'react-router';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { roleLabel } from '../staff/roles';
import { categoryLabel } from './categories';
import { formatAge, formatSla } from './durations';
import '../../ui/table.css';

const count = new Intl.NumberFormat();
const openedAt = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'long' });

export interface QueueTableProps {
  items: QueueSummary[];
  asOf: string;
  /** Whether the viewer may claim from this queue; absent: no claiming column at all. */
  canClaim?: (queue: QueueSummary) => boolean;
  onClaim?: (queue: QueueSummary) => void;
  /** The queue a claim is in flight for. */
  claimingId?: string | null;
  /** Where a queue's case list is, for viewers who may list cases; absent: names are plain text. */
  casesPath?: (queue: QueueSummary) => string;
}

/**
 * One row per queue, in display order. Ages are measured against `asOf`, the server's clock.
 * Rows carry their queue id so the page's j/k/c shortcuts can find the focused one.
 */
export function QueueTable({ items, asOf, canClaim, onClaim, claimingId = null, casesPath }: QueueTableProps) {
  const claiming = canClaim && onClaim ? { canClaim, onClaim } : null;
  return (
    <Table aria-label="Queues" className="data-table queue-table">
      <TableHeader>
        <Column isRowHeader className="column queue-col-name">
          Queue
        </Column>
        <Column className="column queue-col-categories">Categories</Column>
        <Column className="column column-number queue-col-count">Open cases</Column>
        <Column className="column column-number queue-col-count">In review</Column>
        <Column className="column queue-col-age">Oldest case</Column>
        <Column className="column queue-col-sla">SLA</Column>
        <Column className="column queue-col-breaches">SLA breaches</Column>
        {claiming && (
          <Column className="column column-actions queue-col-claim">
            <span className="visually-hidden">Review</span>
          </Column>
        )}
      </TableHeader>
      <TableBody
        items={items}
        // Ages change with every refresh even when a queue's own numbers do not.
        dependencies={[asOf, claiming, claimingId]}
        renderEmptyState={() => (
          <EmptyState title="No queues">
            Reports are routed to queues by category, and none are set up. Ask an administrator.
          </EmptyState>
        )}
      >
        {(queue) => (
          <Row id={queue.id} className="row" data-queue-id={queue.id}>
            <Cell className="cell queue-name">
              {casesPath ? <Link to={casesPath(queue)}>{queue.name}</Link> : queue.name}
            </Cell>
            <Cell className="cell cell-muted queue-categories">{queue.categories.map(categoryLabel).join(', ')}</Cell>
            <Cell className={`cell cell-number${queue.openCases === 0 ? ' cell-muted' : ''}`}>
              {count.format(queue.openCases)}
            </Cell>
            <Cell className={`cell cell-number${queue.inReview === 0 ? ' cell-muted' : ''}`}>
              {count.format(queue.inReview)}
            </Cell>
            <Cell className="cell">
              <OldestCase openedAt={queue.oldestOpenedAt} asOf={asOf} />
            </Cell>
            <Cell className="cell">{formatSla(queue.slaMinutes)}</Cell>
            <Cell className="cell">
              <SlaBreaches breaches={queue.slaBreaches} />
            </Cell>
            {claiming && (
              <Cell className="cell cell-actions">
                {claiming.canClaim(queue) ? (
                  <Button
                    size="sm"
                    aria-label={`Start reviewing ${queue.name}`}
                    isPending={claimingId === queue.id}
                    onPress={() => claiming.onClaim(queue)}
                  >
                    Start reviewing
                  </Button>
                ) : (
                  <span className="cell-muted">{roleLabel(queue.requiredRole)}s only</span>
                )}
              </Cell>
            )}
          </Row>
        )}
      </TableBody>
    </Table>
  );
}

function OldestCase({ openedAt: value, asOf }: { openedAt: string | null; asOf: string }) {
  if (!value) return <span className="cell-muted">None open</span>;
  return (
    <time dateTime={value} title={`Opened ${openedAt.format(new Date(value))}`}>
      {formatAge(Date.parse(asOf) - Date.parse(value))}
    </time>
  );
}

/** Breaches read as words as well as colour, with an icon, so they stand out in any palette. */
function SlaBreaches({ breaches }: { breaches: number }) {
  if (breaches === 0) return <span className="cell-muted">None</span>;
  return (
    <Badge tone="danger">
      <svg className="queue-breach-icon" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
        <path d="M8 1.5L15 14H1L8 1.5z" fill="currentColor" />
        <path d="M8 6v4" stroke="#fff" strokeWidth="1.6" />
        <circle cx="8" cy="12" r="0.9" fill="#fff" />
      </svg>
      {count.format(breaches)} past SLA
    </Badge>
  );
}

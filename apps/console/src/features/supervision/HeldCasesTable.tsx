import type { CaseSummary } from '@docket/contracts';
import { Cell, Column, Row, Table, TableBody, TableHeader } from 'react-aria-components';
import { Link } from 'react-router';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { caseRef } from '../cases/case-ref';
import { casePath } from '../cases/keys';
import { categoryLabel } from '../queues/categories';
import { formatCountdown, formatDue } from '../queues/durations';
import '../../ui/table.css';

export type HoldAction = 'take-over' | 'reassign' | 'unassign';

export interface HeldCasesTableProps {
  items: CaseSummary[];
  now: number;
  currentUserId: string;
  queueName: (queueId: string) => string;
  onAction: (action: HoldAction, summary: CaseSummary) => void;
}

/** Who holds which case, and for how much longer. */
export function HeldCasesTable({ items, now, currentUserId, queueName, onAction }: HeldCasesTableProps) {
  return (
    <Table aria-label="Cases held now" className="data-table held-table">
      <TableHeader>
        <Column isRowHeader className="column held-col-case">
          Case
        </Column>
        <Column className="column held-col-queue">Queue</Column>
        <Column className="column held-col-holder">Held by</Column>
        <Column className="column held-col-clock">Hold ends</Column>
        <Column className="column held-col-clock">SLA due</Column>
        <Column className="column column-actions">
          <span className="visually-hidden">Actions</span>
        </Column>
      </TableHeader>
      <TableBody
        items={items}
        dependencies={[now, currentUserId, queueName, onAction]}
        renderEmptyState={() => (
          <EmptyState title="Nobody holds a case right now">
            Cases appear here while a reviewer has one open, with how long their hold lasts.
          </EmptyState>
        )}
      >
        {(summary) => {
          const leaseLeft = summary.leaseExpiresAt ? Date.parse(summary.leaseExpiresAt) - now : 0;
          const slaLeft = Date.parse(summary.slaDueAt) - now;
          const isMine = summary.assignee?.id === currentUserId;
          return (
            <Row id={summary.id} className="row">
              <Cell className="cell">
                <span className="mono">{caseRef(summary.id)}</span> {categoryLabel(summary.category)}{' '}
                {summary.urgent && <Badge tone="danger">Urgent</Badge>}
              </Cell>
              <Cell className="cell">{queueName(summary.queueId)}</Cell>
              <Cell className="cell">
                {summary.assignee ? (
                  <>
                    {summary.assignee.displayName} <span className="cell-muted">({summary.assignee.username})</span>
                  </>
                ) : (
                  <span className="cell-muted">Nobody</span>
                )}
              </Cell>
              <Cell className="cell">
                <span className="held-clock" data-alarm={leaseLeft < 120_000 || undefined}>
                  {formatCountdown(leaseLeft)}
                </span>
              </Cell>
              <Cell className="cell">
                <span className="held-clock" data-alarm={slaLeft < 0 || undefined}>
                  {formatDue(slaLeft)}
                </span>
              </Cell>
              <Cell className="cell cell-actions">
                <span className="held-actions">
                  {isMine ? (
                    <Link to={casePath(summary.id)}>Open</Link>
                  ) : (
                    <Button
                      size="sm"
                      aria-label={`Take over ${caseRef(summary.id)}…`}
                      onPress={() => onAction('take-over', summary)}
                    >
                      Take over…
                    </Button>
                  )}
                  <Button
                    size="sm"
                    aria-label={`Reassign ${caseRef(summary.id)}…`}
                    onPress={() => onAction('reassign', summary)}
                  >
                    Reassign…
                  </Button>
                  <Button
                    size="sm"
                    aria-label={`Unassign ${caseRef(summary.id)}…`}
                    onPress={() => onAction('unassign', summary)}
                  >
                    Unassign…
                  </Button>
                </span>
              </Cell>
            </Row>
          );
        }}
      </TableBody>
    </Table>
  );
}

import type { CaseFindResult } from '@docket/contracts';
import { Cell, Column, Row, Table, TableBody, TableHeader } from 'react-aria-components';
import { Link } from 'react-router';
import { Badge } from '../../ui/Badge';
import { EmptyState } from '../../ui/EmptyState';
import { Timestamp } from '../../ui/Timestamp';
import { caseRef } from '../cases/case-ref';
import { casePath } from '../cases/keys';
import { categoryLabel } from '../queues/categories';
import { STATUS_LABELS } from './labels';
import '../../ui/table.css';

type FoundCase = CaseFindResult['items'][number];

/** Cases found, one per row; the case id opens it (read-only once decided). */
export function CaseResultsTable({ items, queueName }: { items: FoundCase[]; queueName: (id: string) => string }) {
  return (
    <Table aria-label="Cases found" className="data-table found-table">
      <TableHeader>
        <Column isRowHeader className="column">
          Case
        </Column>
        <Column className="column">Category</Column>
        <Column className="column">Status</Column>
        <Column className="column">Queue</Column>
        <Column className="column">Opened</Column>
        <Column className="column">SLA due</Column>
        <Column className="column">Held by</Column>
      </TableHeader>
      <TableBody
        items={items}
        dependencies={[queueName]}
        renderEmptyState={() => (
          <EmptyState title="No cases match">Loosen a filter, or search by another id or handle.</EmptyState>
        )}
      >
        {(item) => (
          <Row id={item.id} className="row">
            <Cell className="cell">
              <Link to={casePath(item.id)} className="mono" aria-label={`Case ${caseRef(item.id)}`}>
                {caseRef(item.id)}
              </Link>
            </Cell>
            <Cell className="cell">
              {categoryLabel(item.category)} {item.urgent && <Badge tone="danger">Urgent</Badge>}{' '}
              {item.involvesMinor && <Badge tone="accent">Minor</Badge>}
            </Cell>
            <Cell className="cell">{STATUS_LABELS[item.status] ?? item.status}</Cell>
            <Cell className="cell">{queueName(item.queueId)}</Cell>
            <Cell className="cell">
              <Timestamp value={item.openedAt} />
            </Cell>
            <Cell className="cell">
              {item.status === 'decided' ? (
                <span className="cell-muted">Decided</span>
              ) : (
                <Timestamp value={item.slaDueAt} />
              )}
            </Cell>
            <Cell className="cell">
              {item.assignee ? item.assignee.displayName : <span className="cell-muted">Nobody</span>}
            </Cell>
          </Row>
        )}
      </TableBody>
    </Table>
  );
}

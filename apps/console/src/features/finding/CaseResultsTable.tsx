import type { CaseFindResult } from '@docket/contracts';
import { Cell, Column, Row, type Selection, Table, TableBody, TableHeader } from 'react-aria-components';
import { Link } from 'react-router';
import { Badge } from '../../ui/Badge';
import { Checkbox } from '../../ui/Checkbox';
import { EmptyState } from '../../ui/EmptyState';
import { Timestamp } from '../../ui/Timestamp';
import { caseRef } from '../cases/case-ref';
import { casePath } from '../cases/keys';
import { categoryLabel } from '../queues/categories';
import { STATUS_LABELS } from './labels';
import '../../ui/table.css';

type FoundCase = CaseFindResult['items'][number];

/** Open cases can be decided together; the rest are shown but not selectable. */
const selectable = (item: FoundCase) => item.status === 'open';

/**
 * Cases found, one per row; the case id opens it (read-only once decided). With a selection, open
 * cases can be picked for a bulk decision: by mouse (the checkboxes, Shift-click for a range) or
 * keyboard (arrows, Space, Shift+arrows, Ctrl/⌘+A for every open case listed).
 */
export function CaseResultsTable({
  items,
  queueName,
  selected,
  onSelectionChange: onChange,
}: {
  items: FoundCase[];
  queueName: (id: string) => string;
  /** With both, open cases can be selected. */
  selected?: ReadonlySet<string>;
  onSelectionChange?: (selected: ReadonlySet<string>) => void;
}) {
  const withSelection = selected !== undefined && onChange !== undefined;
  // The table's own set is kept as it is: it remembers where a Shift-click range starts.
  const onSelectionChange = (keys: Selection) =>
    onChange?.(keys === 'all' ? new Set(items.filter(selectable).map((item) => item.id)) : (keys as Set<string>));
  return (
    <Table
      aria-label="Cases found"
      className="data-table found-table"
      {...(withSelection && {
        selectionMode: 'multiple',
        selectedKeys: selected,
        onSelectionChange,
        // Decided cases cannot be selected, but their links still open them.
        disabledKeys: items.filter((item) => !selectable(item)).map((item) => item.id),
        disabledBehavior: 'selection',
      })}
    >
      <TableHeader>
        {withSelection && (
          <Column className="column column-select">
            <Checkbox slot="selection">
              <span className="visually-hidden">Select every open case listed</span>
            </Checkbox>
          </Column>
        )}
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
        dependencies={[queueName, selected]}
        renderEmptyState={() => (
          <EmptyState title="No cases match">Loosen a filter, or search by another id or handle.</EmptyState>
        )}
      >
        {(item) => (
          <Row id={item.id} className="row">
            {withSelection && (
              <Cell className="cell">
                <Checkbox slot="selection">
                  <span className="visually-hidden">Select case {caseRef(item.id)}</span>
                </Checkbox>
              </Cell>
            )}
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

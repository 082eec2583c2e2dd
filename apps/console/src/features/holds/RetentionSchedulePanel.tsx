import { Cell, Column, Row, Table, TableBody, TableHeader } from 'react-aria-components';
import { Badge } from '../../ui/Badge';
import { Panel } from '../../ui/PageHeader';
import { Timestamp } from '../../ui/Timestamp';
import { categoryLabel } from '../queues/categories';
import { useRetentionSchedule } from './retention-schedule-query';
import '../../ui/table.css';

/** Days per category, and the conversations retention destroys next (unless a hold keeps them). */
export function RetentionSchedulePanel() {
  const { data } = useRetentionSchedule();
  return (
    <Panel>
      <h2>Retention schedule</h2>
      <p className="cell-muted">
        Once every case on a conversation has closed and each case’s days have passed, its data key and message content
        are destroyed; the audit log keeps the facts. {data.destroyed} conversations destroyed so far.
      </p>
      <Table aria-label="Retention by category" className="data-table">
        <TableHeader>
          <Column isRowHeader className="column">
            Category
          </Column>
          <Column className="column">Kept after the case closes</Column>
        </TableHeader>
        <TableBody items={data.categories.map((row) => ({ id: row.category, ...row }))}>
          {(row) => (
            <Row id={row.id} className="row">
              <Cell className="cell">{categoryLabel(row.category)}</Cell>
              <Cell className="cell">{row.days} days</Cell>
            </Row>
          )}
        </TableBody>
      </Table>
      <h3>Due next</h3>
      <Table aria-label="Conversations due for destruction" className="data-table">
        <TableHeader>
          <Column isRowHeader className="column">
            Conversation
          </Column>
          <Column className="column">Destroyed from</Column>
          <Column className="column">Hold</Column>
        </TableHeader>
        <TableBody
          items={data.upcoming.map((row) => ({ id: row.conversationId, ...row }))}
          renderEmptyState={() => <p className="cell-muted">No closed conversation is waiting.</p>}
        >
          {(row) => (
            <Row id={row.id} className="row">
              <Cell className="cell mono">{row.conversationId}</Cell>
              <Cell className="cell">
                <Timestamp value={row.destroyAt} />
              </Cell>
              <Cell className="cell">{row.held && <Badge tone="danger">Held</Badge>}</Cell>
            </Row>
          )}
        </TableBody>
      </Table>
    </Panel>
  );
}

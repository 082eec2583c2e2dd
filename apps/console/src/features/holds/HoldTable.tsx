import type { Hold } from '@docket/contracts';
import { Cell, Column, Row, Table, TableBody, TableHeader } from 'react-aria-components';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { Timestamp } from '../../ui/Timestamp';
import type { HoldAction } from './HoldActionDialog';
import '../../ui/table.css';

const STATUS = {
  active: <Badge tone="success">Active</Badge>,
  expired: <Badge>Expired</Badge>,
  released: <Badge>Released</Badge>,
};

export function HoldTable({
  items,
  canManage,
  onAction,
}: {
  items: Hold[];
  canManage: boolean;
  onAction: (hold: Hold, action: HoldAction) => void;
}) {
  return (
    <Table aria-label="Preservation holds" className="data-table">
      <TableHeader>
        <Column isRowHeader className="column">
          Held
        </Column>
        <Column className="column">Reason</Column>
        <Column className="column">Placed</Column>
        <Column className="column">Expires</Column>
        <Column className="column">Status</Column>
        <Column className="column column-actions">
          <span className="visually-hidden">Actions</span>
        </Column>
      </TableHeader>
      <TableBody
        items={items}
        dependencies={[onAction, canManage]}
        renderEmptyState={() => (
          <EmptyState title="No holds">
            A hold keeps an account’s or a conversation’s content from retention.
          </EmptyState>
        )}
      >
        {(hold) => (
          <Row id={hold.id} className="row">
            <Cell className="cell">
              {hold.targetType === 'account' ? 'Account' : 'Conversation'} <span className="mono">{hold.targetId}</span>
            </Cell>
            <Cell className="cell cell-muted">{hold.reason}</Cell>
            <Cell className="cell">
              <Timestamp value={hold.placedAt} /> <span className="cell-muted">by {hold.placedBy.username}</span>
            </Cell>
            <Cell className="cell">
              <Timestamp value={hold.released?.at ?? hold.expiresAt} />
            </Cell>
            <Cell className="cell">{STATUS[hold.status]}</Cell>
            <Cell className="cell cell-actions">
              {canManage && hold.status === 'active' && (
                <>
                  <Button size="sm" onPress={() => onAction(hold, 'extend')}>
                    Extend…
                  </Button>
                  <Button size="sm" onPress={() => onAction(hold, 'release')}>
                    Release…
                  </Button>
                </>
              )}
            </Cell>
          </Row>
        )}
      </TableBody>
    </Table>
  );
}

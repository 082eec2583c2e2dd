import type { ServiceAccount } from '@docket/contracts';
import { Cell, Column, Row, Table, TableBody, TableHeader } from 'react-aria-components';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { Timestamp } from '../../ui/Timestamp';
import '../../ui/table.css';

export interface ServiceAccountTableProps {
  items: ServiceAccount[];
  /** Opens the disable or enable confirmation for the row's account. */
  onToggle: (account: ServiceAccount) => void;
}

export function ServiceAccountTable({ items, onToggle }: ServiceAccountTableProps) {
  return (
    <Table aria-label="Service accounts" className="data-table service-account-table">
      <TableHeader>
        <Column isRowHeader className="column service-account-col-name">
          Name
        </Column>
        <Column className="column service-account-col-key">Key id</Column>
        <Column className="column service-account-col-status">Status</Column>
        <Column className="column service-account-col-time">Created</Column>
        <Column className="column service-account-col-time">Last used</Column>
        <Column className="column column-actions">
          <span className="visually-hidden">Actions</span>
        </Column>
      </TableHeader>
      <TableBody
        items={items}
        dependencies={[onToggle]}
        renderEmptyState={() => (
          <EmptyState title="No service accounts">
            Create one for each platform that sends reports to Docket; it signs its requests with the account’s key.
          </EmptyState>
        )}
      >
        {(account) => {
          const disabled = account.disabledAt !== null;
          return (
            <Row id={account.id} className="row">
              <Cell className="cell">{account.name}</Cell>
              <Cell className="cell">
                <span className="mono">{account.keyId}</span>
              </Cell>
              <Cell className="cell">
                {disabled ? <Badge tone="danger">Disabled</Badge> : <Badge tone="success">Active</Badge>}
              </Cell>
              <Cell className="cell cell-muted">
                <Timestamp value={account.createdAt} />
              </Cell>
              <Cell className="cell cell-muted">
                <Timestamp value={account.lastUsedAt} empty="Never" />
              </Cell>
              <Cell className="cell cell-actions">
                <Button
                  size="sm"
                  aria-label={`${disabled ? 'Enable' : 'Disable'} ${account.name}…`}
                  onPress={() => onToggle(account)}
                >
                  {disabled ? 'Enable…' : 'Disable…'}
                </Button>
              </Cell>
            </Row>
          );
        }}
      </TableBody>
    </Table>
  );
}

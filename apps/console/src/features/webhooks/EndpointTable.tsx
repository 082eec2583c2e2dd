import type { WebhookEndpoint } from '@docket/contracts';
import { Cell, Column, Row, Table, TableBody, TableHeader } from 'react-aria-components';
import { Link } from 'react-router';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import '../../ui/table.css';

export type EndpointAction = 'test' | 'rotate' | 'toggle';

export function EndpointTable({
  items,
  onAction,
}: {
  items: WebhookEndpoint[];
  onAction: (endpoint: WebhookEndpoint, action: EndpointAction) => void;
}) {
  return (
    <Table aria-label="Webhook endpoints" className="data-table webhook-table">
      <TableHeader>
        <Column isRowHeader className="column webhook-col-url">
          URL
        </Column>
        <Column className="column">Events</Column>
        <Column className="column webhook-col-status">Status</Column>
        <Column className="column column-actions webhook-col-actions">
          <span className="visually-hidden">Actions</span>
        </Column>
      </TableHeader>
      <TableBody
        items={items}
        dependencies={[onAction]}
        renderEmptyState={() => (
          <EmptyState title="No endpoints">
            Add the platform’s receiving URL to send it decisions, appeal outcomes and access notices as signed events.
          </EmptyState>
        )}
      >
        {(endpoint) => {
          const disabled = endpoint.disabledAt !== null;
          return (
            <Row id={endpoint.id} className="row">
              <Cell className="cell">
                <Link to={`/webhooks/${endpoint.id}`} className="mono">
                  {endpoint.url}
                </Link>
                {endpoint.description && <div className="cell-muted">{endpoint.description}</div>}
              </Cell>
              <Cell className="cell cell-muted">{endpoint.eventTypes.join(', ')}</Cell>
              <Cell className="cell">
                {disabled ? <Badge tone="danger">Disabled</Badge> : <Badge tone="success">Active</Badge>}
              </Cell>
              <Cell className="cell cell-actions webhook-actions">
                <Button size="sm" isDisabled={disabled} onPress={() => onAction(endpoint, 'test')}>
                  Send test event
                </Button>
                <Button size="sm" onPress={() => onAction(endpoint, 'rotate')}>
                  Rotate secret…
                </Button>
                <Button size="sm" onPress={() => onAction(endpoint, 'toggle')}>
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

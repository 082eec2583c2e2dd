import type { WebhookDelivery } from '@docket/contracts';
import { Cell, Column, Row, Table, TableBody, TableHeader } from 'react-aria-components';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/api-error';
import { ErrorAlert } from '../../ui/Alert';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { PageHeader, Panel } from '../../ui/PageHeader';
import { Timestamp } from '../../ui/Timestamp';
import { useWebhookDeliveries } from './deliveries-query';
import { useWebhookEndpointList } from './endpoint-list-query';
import { useRedeliverWebhook } from './redeliver-mutation';
import '../../ui/table.css';
import './webhooks.css';

const STATUS = {
  pending: { tone: 'accent', label: 'Pending' },
  delivered: { tone: 'success', label: 'Delivered' },
  dead: { tone: 'danger', label: 'Dead-lettered' },
} as const;

/** One endpoint's deliveries, newest first, refreshed while open; redelivery of finished ones. */
export function DeliveryLogPage() {
  const { endpointId = '' } = useParams();
  const endpoint = useWebhookEndpointList().data.items.find((item) => item.id === endpointId);
  const { data } = useWebhookDeliveries(endpointId);
  const redeliver = useRedeliverWebhook();

  return (
    <div className="page">
      <PageHeader
        title="Deliveries"
        description={
          <>
            To <code>{endpoint?.url}</code>. <Link to="/webhooks">All endpoints</Link>
          </>
        }
      />
      {isApiError(redeliver.error) && <ErrorAlert error={redeliver.error} />}
      <Panel>
        <Table aria-label="Deliveries" className="data-table webhook-table">
          <TableHeader>
            <Column isRowHeader className="column">
              Event
            </Column>
            <Column className="column">Status</Column>
            <Column className="column">Attempts</Column>
            <Column className="column">Response</Column>
            <Column className="column">Latency</Column>
            <Column className="column">Last attempt</Column>
            <Column className="column">Next retry</Column>
            <Column className="column column-actions">
              <span className="visually-hidden">Actions</span>
            </Column>
          </TableHeader>
          <TableBody
            items={data.items}
            dependencies={[redeliver.isPending]}
            renderEmptyState={() => <EmptyState title="No deliveries yet">Send a test event to see one.</EmptyState>}
          >
            {(delivery: WebhookDelivery) => (
              <Row id={delivery.id} className="row">
                <Cell className="cell">
                  <code>{delivery.eventType}</code>
                  <div className="cell-muted mono">{delivery.eventId}</div>
                </Cell>
                <Cell className="cell">
                  <Badge tone={STATUS[delivery.status].tone}>{STATUS[delivery.status].label}</Badge>
                </Cell>
                <Cell className="cell">{delivery.attempts}</Cell>
                <Cell className="cell">{delivery.lastStatusCode ?? delivery.lastError ?? '—'}</Cell>
                <Cell className="cell">{delivery.lastLatencyMs === null ? '—' : `${delivery.lastLatencyMs} ms`}</Cell>
                <Cell className="cell cell-muted">
                  <Timestamp value={delivery.lastAttemptAt} />
                </Cell>
                <Cell className="cell cell-muted">
                  <Timestamp value={delivery.nextAttemptAt} />
                </Cell>
                <Cell className="cell cell-actions">
                  {delivery.status !== 'pending' && (
                    <Button
                      size="sm"
                      isDisabled={redeliver.isPending}
                      onPress={() => redeliver.mutate({ deliveryId: delivery.id, endpointId })}
                    >
                      Redeliver
                    </Button>
                  )}
                </Cell>
              </Row>
            )}
          </TableBody>
        </Table>
      </Panel>
    </div>
  );
}

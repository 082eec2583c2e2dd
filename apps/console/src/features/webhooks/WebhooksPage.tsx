import type { WebhookEndpoint } from '@docket/contracts';
import { useCallback, useState } from 'react';
import { isApiError } from '../../api/api-error';
import { ErrorAlert } from '../../ui/Alert';
import { PageHeader, Panel } from '../../ui/PageHeader';
import { StatusMessage } from '../../ui/StatusMessage';
import { CreateEndpointDialog } from './CreateEndpointDialog';
import { type EndpointAction, EndpointTable } from './EndpointTable';
import { useWebhookEndpointList } from './endpoint-list-query';
import { RotateSecretDialog } from './RotateSecretDialog';
import { useSendWebhookTestEvent } from './send-test-event-mutation';
import { ToggleEndpointDialog } from './ToggleEndpointDialog';
import './webhooks.css';

export function WebhooksPage() {
  const { data } = useWebhookEndpointList();
  const [message, setMessage] = useState<string | null>(null);
  const [open, setOpen] = useState<{ endpoint: WebhookEndpoint; action: 'rotate' | 'toggle' } | null>(null);
  const sendTest = useSendWebhookTestEvent();

  const onAction = useCallback(
    (endpoint: WebhookEndpoint, action: EndpointAction) => {
      if (action !== 'test') return setOpen({ endpoint, action });
      sendTest.mutate(endpoint.id, {
        onSuccess: ({ eventId }) => setMessage(`Test event ${eventId} queued for ${endpoint.url}.`),
      });
    },
    [sendTest.mutate],
  );

  return (
    <div className="page">
      <PageHeader
        title="Webhooks"
        description="Docket sends decisions, appeal outcomes and access notices to the platform as events signed the Standard Webhooks way, retried with backoff and kept in order per account. Events never carry message content."
        actions={<CreateEndpointDialog onCreated={(endpoint) => setMessage(`Added ${endpoint.url}.`)} />}
      />
      <StatusMessage message={message} onDismiss={() => setMessage(null)} />
      {isApiError(sendTest.error) && <ErrorAlert error={sendTest.error} />}
      <Panel>
        <EndpointTable items={data.items} onAction={onAction} />
      </Panel>
      {open?.action === 'rotate' && (
        <RotateSecretDialog
          endpoint={open.endpoint}
          onClose={() => {
            setOpen(null);
            setMessage(`Rotated the signing secret of ${open.endpoint.url}.`);
          }}
        />
      )}
      {open?.action === 'toggle' && (
        <ToggleEndpointDialog
          endpoint={open.endpoint}
          onClose={() => setOpen(null)}
          onDone={(text) => {
            setOpen(null);
            setMessage(text);
          }}
        />
      )}
    </div>
  );
}

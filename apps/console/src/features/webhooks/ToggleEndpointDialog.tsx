import type { WebhookEndpoint } from '@docket/contracts';
import { EnableDisableDialog } from '../../ui/EnableDisableDialog';
import { useSetWebhookEndpointDisabled } from './set-endpoint-disabled-mutation';

/** Confirms disabling (new events stop, waiting deliveries pause) or re-enabling an endpoint. */
export function ToggleEndpointDialog({
  endpoint,
  onClose,
  onDone,
}: {
  endpoint: WebhookEndpoint;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const toggle = useSetWebhookEndpointDisabled();
  const disabling = endpoint.disabledAt === null;
  return (
    <EnableDisableDialog
      id={endpoint.id}
      name={endpoint.url}
      kind="endpoint"
      disabling={disabling}
      toggle={toggle}
      onClose={onClose}
      onDone={onDone}
    >
      {disabling ? (
        <p>
          <code>{endpoint.url}</code> gets no new events from the moment you confirm, and deliveries already queued for
          it wait until it is enabled again.
        </p>
      ) : (
        <p>
          Deliveries waiting for <code>{endpoint.url}</code> resume at once, and new events reach it again.
        </p>
      )}
    </EnableDisableDialog>
  );
}

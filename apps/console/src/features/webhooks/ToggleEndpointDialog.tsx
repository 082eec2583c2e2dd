import type { WebhookEndpoint } from '@docket/contracts';
import { isApiError } from '../../api/api-error';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
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
    <ConfirmDialog
      title={disabling ? 'Disable this endpoint?' : 'Enable this endpoint?'}
      confirmLabel={disabling ? 'Disable endpoint' : 'Enable endpoint'}
      destructive={disabling}
      isPending={toggle.isPending}
      error={isApiError(toggle.error) ? toggle.error : null}
      onClose={onClose}
      onConfirm={() =>
        toggle.mutate(
          { id: endpoint.id, disabled: disabling },
          { onSuccess: () => onDone(`${disabling ? 'Disabled' : 'Enabled'} ${endpoint.url}.`) },
        )
      }
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
    </ConfirmDialog>
  );
}

import type { WebhookEndpoint } from '@docket/contracts';
import { isApiError } from '../../api/api-error';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Dialog } from '../../ui/Dialog';
import { useRotateWebhookSecret } from './rotate-secret-mutation';
import { WebhookSecret } from './WebhookSecret';

/** Confirms a rotation, then shows the new secret once. */
export function RotateSecretDialog({ endpoint, onClose }: { endpoint: WebhookEndpoint; onClose: () => void }) {
  const rotate = useRotateWebhookSecret();
  if (rotate.data) {
    return (
      <Dialog title="New signing secret" isOpen isKeyboardDismissDisabled>
        {() => <WebhookSecret secret={rotate.data.secret} onStored={onClose} />}
      </Dialog>
    );
  }
  return (
    <ConfirmDialog
      title="Rotate the signing secret?"
      confirmLabel="Rotate secret"
      destructive
      isPending={rotate.isPending}
      error={isApiError(rotate.error) ? rotate.error : null}
      onClose={onClose}
      onConfirm={() => rotate.mutate(endpoint.id)}
    >
      <p>
        Deliveries to <code>{endpoint.url}</code> are signed with a new secret from the moment you confirm; the platform
        must switch to it to keep verifying them.
      </p>
    </ConfirmDialog>
  );
}

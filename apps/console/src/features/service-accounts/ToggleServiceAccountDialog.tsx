import type { ServiceAccount } from '@docket/contracts';
import { isApiError } from '../../api/api-error';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Dialog, DialogActions } from '../../ui/Dialog';
import { useSetServiceAccountDisabled } from './set-service-account-disabled-mutation';

export interface ToggleServiceAccountDialogProps {
  account: ServiceAccount;
  onClose: () => void;
  /** Called after success with a sentence for the page's status message. */
  onDone: (message: string) => void;
}

/** Confirms disabling (the platform is cut off at once) or re-enabling a service account. */
export function ToggleServiceAccountDialog({ account, onClose, onDone }: ToggleServiceAccountDialogProps) {
  const toggle = useSetServiceAccountDisabled();
  const disabling = account.disabledAt === null;
  const error = isApiError(toggle.error) ? toggle.error : null;

  function confirm() {
    toggle.mutate(
      { id: account.id, disabled: disabling },
      { onSuccess: () => onDone(`${disabling ? 'Disabled' : 'Enabled'} ${account.name}.`) },
    );
  }

  return (
    <Dialog
      title={`${disabling ? 'Disable' : 'Enable'} ${account.name}?`}
      size="sm"
      isOpen
      isDismissable
      onOpenChange={(open) => !open && onClose()}
    >
      {() => (
        <>
          {error && <ErrorAlert error={error} />}
          {disabling ? (
            <p>
              Docket refuses every request signed with key <code>{account.keyId}</code> from the moment you confirm: the
              platform cannot send reports until an admin enables the account again. Reports already received stay.
            </p>
          ) : (
            <p>
              Requests signed with key <code>{account.keyId}</code> and its current secret are accepted again at once.
            </p>
          )}
          <DialogActions>
            {/* Focus starts on the harmless choice when the action cuts a platform off. */}
            <Button onPress={onClose} autoFocus={disabling}>
              Cancel
            </Button>
            <Button
              variant={disabling ? 'danger' : 'primary'}
              onPress={confirm}
              isPending={toggle.isPending}
              autoFocus={!disabling}
            >
              {disabling ? 'Disable service account' : 'Enable service account'}
            </Button>
          </DialogActions>
        </>
      )}
    </Dialog>
  );
}

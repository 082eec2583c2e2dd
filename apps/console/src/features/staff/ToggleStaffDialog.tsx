import { isApiError } from '../../api/api-error';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Dialog, DialogActions } from '../../ui/Dialog';
import { useSetStaffDisabled } from './set-staff-disabled-mutation';
import type { StaffDialogProps } from './staff-actions';

/** Confirms disabling (signs them out everywhere) or re-enabling an account. */
export function ToggleStaffDialog({ user, onClose, onDone }: StaffDialogProps) {
  const toggle = useSetStaffDisabled();
  const disabling = user.disabledAt === null;
  const error = isApiError(toggle.error) ? toggle.error : null;

  function confirm() {
    toggle.mutate(
      { id: user.id, disabled: disabling },
      { onSuccess: () => onDone(`${disabling ? 'Disabled' : 'Enabled'} ${user.username}.`) },
    );
  }

  return (
    <Dialog
      title={`${disabling ? 'Disable' : 'Enable'} ${user.username}?`}
      size="sm"
      isOpen
      isDismissable
      onOpenChange={(open) => !open && onClose()}
    >
      {() => (
        <>
          {error && <ErrorAlert error={error} />}
          <p>
            {disabling
              ? `${user.displayName} is signed out at once and cannot sign in until an admin enables the account again.`
              : `${user.displayName} can sign in again with their current password.`}
          </p>
          <DialogActions>
            {/* Focus starts on the harmless choice when the action locks someone out. */}
            <Button onPress={onClose} autoFocus={disabling}>
              Cancel
            </Button>
            <Button
              variant={disabling ? 'danger' : 'primary'}
              onPress={confirm}
              isPending={toggle.isPending}
              autoFocus={!disabling}
            >
              {disabling ? 'Disable account' : 'Enable account'}
            </Button>
          </DialogActions>
        </>
      )}
    </Dialog>
  );
}

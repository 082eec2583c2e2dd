import { isApiError } from '../../api/api-error';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useSetStaffDisabled } from './set-staff-disabled-mutation';
import type { StaffDialogProps } from './staff-actions';

/** Confirms disabling (signs them out everywhere) or re-enabling an account. */
export function ToggleStaffDialog({ user, onClose, onDone }: StaffDialogProps) {
  const toggle = useSetStaffDisabled();
  const disabling = user.disabledAt === null;

  return (
    <ConfirmDialog
      title={`${disabling ? 'Disable' : 'Enable'} ${user.username}?`}
      confirmLabel={disabling ? 'Disable account' : 'Enable account'}
      destructive={disabling}
      isPending={toggle.isPending}
      error={isApiError(toggle.error) ? toggle.error : null}
      onClose={onClose}
      onConfirm={() =>
        toggle.mutate(
          { id: user.id, disabled: disabling },
          { onSuccess: () => onDone(`${disabling ? 'Disabled' : 'Enabled'} ${user.username}.`) },
        )
      }
    >
      <p>
        {disabling
          ? `${user.displayName} is signed out at once and cannot sign in until an admin enables the account again.`
          : `${user.displayName} can sign in again with their current password.`}
      </p>
    </ConfirmDialog>
  );
}

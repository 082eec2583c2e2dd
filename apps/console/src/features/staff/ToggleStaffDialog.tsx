import { EnableDisableDialog } from '../../ui/EnableDisableDialog';
import { useSetStaffDisabled } from './set-staff-disabled-mutation';
import type { StaffDialogProps } from './staff-actions';

/** Confirms disabling (signs them out everywhere) or re-enabling an account. */
export function ToggleStaffDialog({ user, onClose, onDone }: StaffDialogProps) {
  const toggle = useSetStaffDisabled();
  const disabling = user.disabledAt === null;

  return (
    <EnableDisableDialog
      id={user.id}
      name={user.username}
      kind="account"
      disabling={disabling}
      toggle={toggle}
      onClose={onClose}
      onDone={onDone}
    >
      <p>
        {disabling
          ? `${user.displayName} is signed out at once and cannot sign in until an admin enables the account again.`
          : `${user.displayName} can sign in again with their current password.`}
      </p>
    </EnableDisableDialog>
  );
}

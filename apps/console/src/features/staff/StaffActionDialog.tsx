import { EditStaffDialog } from './EditStaffDialog';
import { SetPasswordDialog } from './SetPasswordDialog';
import type { StaffAction, StaffDialogProps } from './staff-actions';
import { ToggleStaffDialog } from './ToggleStaffDialog';

/** The dialog for the row action in progress; rendered outside the table so its keys stay its own. */
export function StaffActionDialog({ action, ...props }: StaffDialogProps & { action: StaffAction }) {
  switch (action) {
    case 'edit':
      return <EditStaffDialog {...props} />;
    case 'password':
      return <SetPasswordDialog {...props} />;
    case 'toggle':
      return <ToggleStaffDialog {...props} />;
  }
}

import { EditStaffDialog } from './EditStaffDialog';
import { ResetLinkDialog } from './ResetLinkDialog';
import { RolesDialog } from './RolesDialog';
import type { StaffAction, StaffDialogProps } from './staff-actions';
import { ToggleStaffDialog } from './ToggleStaffDialog';

/** The dialog for the row action in progress; rendered outside the table so its keys stay its own. */
export function StaffActionDialog({ action, ...props }: StaffDialogProps & { action: StaffAction }) {
  switch (action) {
    case 'edit':
      return <EditStaffDialog {...props} />;
    case 'roles':
      return <RolesDialog {...props} />;
    case 'reset':
      return <ResetLinkDialog {...props} />;
    case 'toggle':
      return <ToggleStaffDialog {...props} />;
  }
}

import type { StaffUser, UpdateStaffBody } from '@docket/contracts';
import type { Role } from '@docket/permissions';
import { type FormEvent, useRef, useState } from 'react';
import { Form } from 'react-aria-components';
import { isApiError } from '../../api/api-error';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Dialog, DialogActions } from '../../ui/Dialog';
import { useFormError } from '../../ui/form-error';
import { TextField } from '../../ui/TextField';
import { useFocusFirstInvalid } from '../../ui/use-focus-first-invalid';
import { RoleCheckboxes } from './RoleCheckboxes';
import type { StaffDialogProps } from './staff-actions';
import { useUpdateStaff } from './update-staff-mutation';

const FIELDS = ['displayName', 'roles'] as const;

/** Only what changed is sent, so the audit event records exactly the edit that was made. */
function changesBetween(user: StaffUser, displayName: string, roles: Role[]): UpdateStaffBody | null {
  const changes: UpdateStaffBody = {};
  if (displayName.trim() !== user.displayName) changes.displayName = displayName;
  if ([...roles].sort().join() !== [...user.roles].sort().join()) changes.roles = roles;
  return Object.keys(changes).length > 0 ? changes : null;
}

export function EditStaffDialog({ user, isSelf, onClose, onDone }: StaffDialogProps) {
  const update = useUpdateStaff();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [roles, setRoles] = useState<Role[]>(user.roles);
  const formRef = useRef<HTMLFormElement>(null);

  const error = isApiError(update.error) ? update.error : null;
  const { validationErrors, summary } = useFormError(error, FIELDS);
  useFocusFirstInvalid(formRef, error);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const changes = changesBetween(user, displayName, roles);
    if (!changes) return onClose();
    update.mutate({ id: user.id, changes }, { onSuccess: () => onDone(`Saved changes to ${user.username}.`) });
  }

  return (
    <Dialog title={`Edit ${user.username}`} isOpen onOpenChange={(open) => !open && onClose()}>
      {() => (
        <Form ref={formRef} onSubmit={onSubmit} validationErrors={validationErrors}>
          {isSelf && <Alert tone="info">This is your own account. Role changes apply to you at once.</Alert>}
          {summary && <ErrorAlert error={summary} />}
          <TextField
            label="Display name"
            name="displayName"
            autoFocus
            isRequired
            value={displayName}
            onChange={setDisplayName}
          />
          <RoleCheckboxes value={roles} onChange={setRoles} />
          <DialogActions>
            <Button onPress={onClose}>Cancel</Button>
            <Button type="submit" variant="primary" isPending={update.isPending}>
              Save changes
            </Button>
          </DialogActions>
        </Form>
      )}
    </Dialog>
  );
}

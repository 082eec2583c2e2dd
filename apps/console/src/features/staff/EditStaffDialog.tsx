import { type FormEvent, useRef, useState } from 'react';
import { Form } from 'react-aria-components';
import { isApiError } from '../../api/api-error';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Dialog, DialogActions } from '../../ui/Dialog';
import { useFormError } from '../../ui/form-error';
import { TextField } from '../../ui/TextField';
import { useFocusFirstInvalid } from '../../ui/use-focus-first-invalid';
import type { StaffDialogProps } from './staff-actions';
import { useUpdateStaff } from './update-staff-mutation';

export function EditStaffDialog({ user, onClose, onDone }: StaffDialogProps) {
  const update = useUpdateStaff();
  const [displayName, setDisplayName] = useState(user.displayName);
  const formRef = useRef<HTMLFormElement>(null);

  const error = isApiError(update.error) ? update.error : null;
  const { validationErrors, summary } = useFormError(error, ['displayName']);
  useFocusFirstInvalid(formRef, error);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (displayName.trim() === user.displayName) return onClose();
    update.mutate(
      { id: user.id, changes: { displayName } },
      { onSuccess: () => onDone(`Saved changes to ${user.username}.`) },
    );
  }

  return (
    <Dialog title={`Edit ${user.username}`} isOpen onOpenChange={(open) => !open && onClose()}>
      {() => (
        <Form ref={formRef} onSubmit={onSubmit} validationErrors={validationErrors}>
          {summary && <ErrorAlert error={summary} />}
          <TextField
            label="Display name"
            name="displayName"
            autoFocus
            isRequired
            value={displayName}
            onChange={setDisplayName}
          />
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

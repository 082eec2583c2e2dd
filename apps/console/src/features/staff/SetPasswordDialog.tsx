import { type FormEvent, useRef, useState } from 'react';
import { Form } from 'react-aria-components';
import { isApiError } from '../../api/api-error';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Dialog, DialogActions } from '../../ui/Dialog';
import { useFormError } from '../../ui/form-error';
import { TextField } from '../../ui/TextField';
import { useFocusFirstInvalid } from '../../ui/use-focus-first-invalid';
import { useSetStaffPassword } from './set-staff-password-mutation';
import type { StaffDialogProps } from './staff-actions';

export function SetPasswordDialog({ user, isSelf, onClose, onDone }: StaffDialogProps) {
  const setPassword = useSetStaffPassword();
  const [password, setPasswordValue] = useState('');
  const formRef = useRef<HTMLFormElement>(null);

  const error = isApiError(setPassword.error) ? setPassword.error : null;
  const { validationErrors, summary } = useFormError(error, ['password']);
  useFocusFirstInvalid(formRef, error);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPassword.mutate(
      { id: user.id, password },
      { onSuccess: () => onDone(`Set a new password for ${user.username}; their sessions have ended.`) },
    );
  }

  return (
    <Dialog title={`Set password for ${user.username}`} size="sm" isOpen onOpenChange={(open) => !open && onClose()}>
      {() => (
        <Form ref={formRef} onSubmit={onSubmit} validationErrors={validationErrors}>
          {isSelf && (
            <Alert tone="info">This is your own account: you will be signed out and must sign in again.</Alert>
          )}
          {summary && <ErrorAlert error={summary} />}
          <TextField
            label="New password"
            name="password"
            type="password"
            description="At least 12 characters. Every session of this account ends at once."
            autoComplete="new-password"
            autoFocus
            isRequired
            minLength={12}
            value={password}
            onChange={setPasswordValue}
          />
          <DialogActions>
            <Button onPress={onClose}>Cancel</Button>
            <Button type="submit" variant="primary" isPending={setPassword.isPending}>
              Set password
            </Button>
          </DialogActions>
        </Form>
      )}
    </Dialog>
  );
}

import type { CreatedStaff, StaffUser } from '@docket/contracts';
import type { Role } from '@docket/permissions';
import { type FormEvent, useRef, useState } from 'react';
import { DialogTrigger, Form } from 'react-aria-components';
import { isApiError } from '../../api/api-error';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Dialog, DialogActions } from '../../ui/Dialog';
import { useFormError } from '../../ui/form-error';
import { TextField } from '../../ui/TextField';
import { useFocusFirstInvalid } from '../../ui/use-focus-first-invalid';
import { useCreateStaff } from './create-staff-mutation';
import { OneTimeLink } from './OneTimeLink';
import { RoleCheckboxes } from './RoleCheckboxes';

const FIELDS = ['username', 'displayName', 'roles'] as const;

export function CreateStaffDialog({ onCreated }: { onCreated: (user: StaffUser) => void }) {
  return (
    <DialogTrigger>
      <Button variant="primary">Create staff account</Button>
      <Dialog title="Create staff account">{(close) => <CreateStaff onClose={close} onCreated={onCreated} />}</Dialog>
    </DialogTrigger>
  );
}

/** The form, then — once created — the enrolment link, shown this once. */
function CreateStaff({ onClose, onCreated }: { onClose: () => void; onCreated: (user: StaffUser) => void }) {
  const [created, setCreated] = useState<CreatedStaff | null>(null);
  if (!created) {
    return (
      <CreateStaffForm
        onCancel={onClose}
        onCreated={(result) => {
          setCreated(result);
          onCreated(result.user);
        }}
      />
    );
  }
  return (
    <OneTimeLink link={created.link} username={created.user.username} onDone={onClose}>
      The roles you chose take effect when another admin confirms them under <strong>Role changes waiting</strong>.
    </OneTimeLink>
  );
}

function CreateStaffForm({
  onCancel,
  onCreated,
}: {
  onCancel: () => void;
  onCreated: (created: CreatedStaff) => void;
}) {
  const create = useCreateStaff();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [roles, setRoles] = useState<Role[]>([]);
  const formRef = useRef<HTMLFormElement>(null);

  const error = isApiError(create.error) ? create.error : null;
  const { validationErrors, summary } = useFormError(error, FIELDS);
  useFocusFirstInvalid(formRef, error);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate({ username, displayName, roles }, { onSuccess: onCreated });
  }

  return (
    <Form ref={formRef} onSubmit={onSubmit} validationErrors={validationErrors}>
      {summary && <ErrorAlert error={summary} />}
      <TextField
        label="Username"
        name="username"
        description="Lowercase letters, digits, dot, dash or underscore; used to sign in."
        autoComplete="off"
        autoCapitalize="none"
        spellCheck="false"
        autoFocus
        isRequired
        value={username}
        onChange={setUsername}
      />
      <TextField label="Display name" name="displayName" isRequired value={displayName} onChange={setDisplayName} />
      <RoleCheckboxes
        value={roles}
        onChange={setRoles}
        description="Requested roles: each takes effect when another admin confirms it."
      />
      <DialogActions>
        <Button onPress={onCancel}>Cancel</Button>
        <Button type="submit" variant="primary" isPending={create.isPending}>
          Create account
        </Button>
      </DialogActions>
    </Form>
  );
}

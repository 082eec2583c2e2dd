import type { ServiceAccount, ServiceAccountWithSecret } from '@docket/contracts';
import { type FormEvent, useRef, useState } from 'react';
import { DialogTrigger, Form } from 'react-aria-components';
import { isApiError } from '../../api/api-error';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Dialog, DialogActions } from '../../ui/Dialog';
import { clearingErrorOnEdit, useFormError } from '../../ui/form-error';
import { TextField } from '../../ui/TextField';
import { useFocusFirstInvalid } from '../../ui/use-focus-first-invalid';
import { useCreateServiceAccount } from './create-service-account-mutation';
import { OneTimeSecret } from './OneTimeSecret';

/**
 * "New service account": the name form, then, in the same dialog, the secret shown once. That
 * second step closes only on "I have stored the secret" (no Escape, no click outside), and the
 * secret is dropped from memory the moment it does.
 */
export function CreateServiceAccountDialog({ onCreated }: { onCreated: (account: ServiceAccount) => void }) {
  const [isOpen, setOpen] = useState(false);
  const [created, setCreated] = useState<ServiceAccountWithSecret | null>(null);

  function onStored() {
    if (!created) return;
    const { secret: _secret, ...account } = created;
    setCreated(null);
    setOpen(false);
    onCreated(account);
  }

  return (
    <DialogTrigger isOpen={isOpen} onOpenChange={(open) => created === null && setOpen(open)}>
      <Button variant="primary">New service account</Button>
      <Dialog
        title={created ? 'Service account created' : 'New service account'}
        isKeyboardDismissDisabled={created !== null}
      >
        {(close) =>
          created ? (
            <OneTimeSecret account={created} onStored={onStored} />
          ) : (
            <CreateServiceAccountForm onCancel={close} onCreated={setCreated} />
          )
        }
      </Dialog>
    </DialogTrigger>
  );
}

function CreateServiceAccountForm({
  onCancel,
  onCreated,
}: {
  onCancel: () => void;
  onCreated: (account: ServiceAccountWithSecret) => void;
}) {
  const create = useCreateServiceAccount();
  const [name, setName] = useState('');
  const formRef = useRef<HTMLFormElement>(null);

  const error = isApiError(create.error) ? create.error : null;
  const { validationErrors, summary } = useFormError(error, ['name']);
  useFocusFirstInvalid(formRef, error);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate({ name }, { onSuccess: onCreated });
  }

  return (
    <Form ref={formRef} onSubmit={onSubmit} validationErrors={validationErrors}>
      {summary && <ErrorAlert error={summary} />}
      <TextField
        label="Name"
        name="name"
        description="The platform that will send reports with it, e.g. “Chat app, production”."
        autoComplete="off"
        autoFocus
        isRequired
        maxLength={120}
        value={name}
        onChange={clearingErrorOnEdit(create)(setName)}
      />
      <DialogActions>
        <Button onPress={onCancel}>Cancel</Button>
        <Button type="submit" variant="primary" isPending={create.isPending}>
          Create service account
        </Button>
      </DialogActions>
    </Form>
  );
}

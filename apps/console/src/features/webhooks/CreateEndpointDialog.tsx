import { WEBHOOK_EVENT_TYPES, type WebhookEndpoint, type WebhookEventType } from '@docket/contracts';
import { type FormEvent, useRef, useState } from 'react';
import { DialogTrigger, Form } from 'react-aria-components';
import { isApiError } from '../../api/api-error';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Checkbox, CheckboxGroup } from '../../ui/Checkbox';
import { Dialog, DialogActions } from '../../ui/Dialog';
import { clearingErrorOnEdit, useFormError } from '../../ui/form-error';
import { TextField } from '../../ui/TextField';
import { useFocusFirstInvalid } from '../../ui/use-focus-first-invalid';
import { useCreateWebhookEndpoint } from './create-endpoint-mutation';
import { WebhookSecret } from './WebhookSecret';

// `webhook.test` goes to an endpoint when an admin asks, whatever it subscribes to.
const SUBSCRIBABLE = WEBHOOK_EVENT_TYPES.filter((type) => type !== 'webhook.test');

/** "Add endpoint": URL and event types, then the signing secret, shown once in the same dialog. */
export function CreateEndpointDialog({ onCreated }: { onCreated: (endpoint: WebhookEndpoint) => void }) {
  const [isOpen, setOpen] = useState(false);
  const [created, setCreated] = useState<(WebhookEndpoint & { secret: string }) | null>(null);

  function onStored() {
    if (!created) return;
    const { secret: _secret, ...endpoint } = created;
    setCreated(null);
    setOpen(false);
    onCreated(endpoint);
  }

  return (
    <DialogTrigger isOpen={isOpen} onOpenChange={(open) => created === null && setOpen(open)}>
      <Button variant="primary">Add endpoint</Button>
      <Dialog title={created ? 'Endpoint added' : 'Add endpoint'} isKeyboardDismissDisabled={created !== null}>
        {(close) =>
          created ? (
            <WebhookSecret secret={created.secret} onStored={onStored} />
          ) : (
            <CreateEndpointForm onCancel={close} onCreated={setCreated} />
          )
        }
      </Dialog>
    </DialogTrigger>
  );
}

function CreateEndpointForm({
  onCancel,
  onCreated,
}: {
  onCancel: () => void;
  onCreated: (endpoint: WebhookEndpoint & { secret: string }) => void;
}) {
  const create = useCreateWebhookEndpoint();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [eventTypes, setEventTypes] = useState<string[]>([...SUBSCRIBABLE]);
  const formRef = useRef<HTMLFormElement>(null);

  const error = isApiError(create.error) ? create.error : null;
  const { validationErrors, summary } = useFormError(error, ['url', 'description', 'eventTypes']);
  useFocusFirstInvalid(formRef, error);

  const edited = clearingErrorOnEdit(create);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate({ url, description, eventTypes: eventTypes as WebhookEventType[] }, { onSuccess: onCreated });
  }

  return (
    <Form ref={formRef} onSubmit={onSubmit} validationErrors={validationErrors}>
      {summary && <ErrorAlert error={summary} />}
      <TextField
        label="URL"
        name="url"
        type="url"
        description="Where the platform receives Docket’s events (http or https)."
        autoComplete="off"
        autoFocus
        isRequired
        value={url}
        onChange={edited(setUrl)}
      />
      <TextField
        label="Description"
        name="description"
        maxLength={200}
        value={description}
        onChange={edited(setDescription)}
      />
      <CheckboxGroup label="Events" name="eventTypes" value={eventTypes} onChange={edited(setEventTypes)} isRequired>
        {SUBSCRIBABLE.map((type) => (
          <Checkbox key={type} value={type}>
            <code>{type}</code>
          </Checkbox>
        ))}
      </CheckboxGroup>
      <DialogActions>
        <Button onPress={onCancel}>Cancel</Button>
        <Button type="submit" variant="primary" isPending={create.isPending}>
          Add endpoint
        </Button>
      </DialogActions>
    </Form>
  );
}

import { CATEGORIES, type Category, type QueueSettings } from '@docket/contracts';
import { type FormEvent, useRef, useState } from 'react';
import { Form } from 'react-aria-components';
import { isApiError } from '../../api/api-error';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Checkbox, CheckboxGroup } from '../../ui/Checkbox';
import { Dialog, DialogActions } from '../../ui/Dialog';
import { useFormError } from '../../ui/form-error';
import { NumberField } from '../../ui/NumberField';
import { TextField } from '../../ui/TextField';
import { useFocusFirstInvalid } from '../../ui/use-focus-first-invalid';
import { categoryLabel } from './categories';
import { useCreateQueue } from './create-queue-mutation';
import { useUpdateQueue } from './update-queue-mutation';

const FIELDS = ['id', 'name', 'categories', 'slaMinutes', 'position'] as const;

export interface QueueDialogProps {
  /** The queue to edit; absent to create one. */
  queue?: QueueSettings;
  /**
   * Its place in the list, from 1: the edited queue's current place, or after the last one for a
   * new queue.
   */
  position: number;
  onClose: () => void;
  /** Called after success with a sentence for the page's status message. */
  onDone: (message: string) => void;
}

/** Create or edit a queue: which categories it takes, its SLA, and its place in the list. */
export function QueueDialog({ queue, position: initialPosition, onClose, onDone }: QueueDialogProps) {
  const create = useCreateQueue();
  const update = useUpdateQueue();
  const [id, setId] = useState('');
  const [name, setName] = useState(queue?.name ?? '');
  const [categories, setCategories] = useState<Category[]>(queue?.categories ?? []);
  const [slaMinutes, setSlaMinutes] = useState(queue?.slaMinutes ?? 24 * 60);
  const [position, setPosition] = useState(initialPosition);
  const formRef = useRef<HTMLFormElement>(null);

  const mutation = queue ? update : create;
  const error = isApiError(mutation.error) ? mutation.error : null;
  const { validationErrors, summary } = useFormError(error, FIELDS);
  useFocusFirstInvalid(formRef, error);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fields = { name, categories, slaMinutes, position };
    if (queue) {
      update.mutate({ id: queue.id, changes: fields }, { onSuccess: () => onDone(`Saved ${name}.`) });
    } else {
      create.mutate({ id, ...fields }, { onSuccess: () => onDone(`Created the ${name} queue.`) });
    }
  }

  return (
    <Dialog title={queue ? `Edit ${queue.name}` : 'New queue'} isOpen onOpenChange={(open) => !open && onClose()}>
      {() => (
        <Form ref={formRef} onSubmit={onSubmit} validationErrors={validationErrors}>
          {summary && <ErrorAlert error={summary} />}
          {!queue && (
            <TextField
              label="Id"
              name="id"
              description="Lower-case letters, digits and underscores; it never changes."
              autoCapitalize="none"
              spellCheck="false"
              autoComplete="off"
              autoFocus
              isRequired
              pattern="[a-z][a-z0-9_]{1,31}"
              value={id}
              onChange={setId}
            />
          )}
          <TextField
            label="Name"
            name="name"
            autoFocus={queue !== undefined}
            isRequired
            maxLength={80}
            value={name}
            onChange={setName}
          />
          <CheckboxGroup
            label="Categories"
            name="categories"
            description="New reports in these categories land in this queue (the first queue in order wins)."
            value={categories}
            onChange={(next) => setCategories(CATEGORIES.filter((category) => next.includes(category)))}
          >
            <div className="queue-category-grid">
              {CATEGORIES.map((category) => (
                <Checkbox key={category} value={category}>
                  {categoryLabel(category)}
                </Checkbox>
              ))}
            </div>
          </CheckboxGroup>
          <NumberField
            label="SLA (minutes)"
            name="slaMinutes"
            description="How long a case may wait before it counts as past its SLA."
            minValue={5}
            maxValue={60 * 24 * 30}
            step={1}
            isRequired
            value={slaMinutes}
            onChange={setSlaMinutes}
          />
          <NumberField
            label="Position"
            name="position"
            description="Its place in the list, from 1. Reports go to the first queue that takes their category."
            minValue={1}
            maxValue={1000}
            step={1}
            isRequired
            value={position}
            onChange={setPosition}
          />
          <DialogActions>
            <Button onPress={onClose}>Cancel</Button>
            <Button type="submit" variant="primary" isPending={mutation.isPending}>
              {queue ? 'Save changes' : 'Create queue'}
            </Button>
          </DialogActions>
        </Form>
      )}
    </Dialog>
  );
}

import type { DsaCategory, Policy } from '@docket/contracts';
import { type FormEvent, useRef, useState } from 'react';
import { Form } from 'react-aria-components';
import { isApiError } from '../../api/api-error';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { ComboBox, ComboBoxItem } from '../../ui/ComboBox';
import { Dialog, DialogActions } from '../../ui/Dialog';
import { useFormError } from '../../ui/form-error';
import { TextAreaField, TextField } from '../../ui/TextField';
import { useFocusFirstInvalid } from '../../ui/use-focus-first-invalid';
import { useCreatePolicy } from './create-policy-mutation';
import { DSA_CATEGORY_OPTIONS } from './dsa-categories';
import { useUpdatePolicy } from './update-policy-mutation';

const FIELDS = ['code', 'title', 'description', 'dsaCategory', 'termsUrl'] as const;

export interface PolicyDialogProps {
  /** The policy to edit; absent to add one. */
  policy?: Policy;
  onClose: () => void;
  /** Called after success with a sentence for the page's status message. */
  onDone: (message: string) => void;
}

/** Add a policy to the catalog, or reword one. Its code never changes: decisions cite it. */
export function PolicyDialog({ policy, onClose, onDone }: PolicyDialogProps) {
  const create = useCreatePolicy();
  const update = useUpdatePolicy();
  const [code, setCode] = useState('');
  const [title, setTitle] = useState(policy?.title ?? '');
  const [description, setDescription] = useState(policy?.description ?? '');
  const [dsaCategory, setDsaCategory] = useState<DsaCategory | null>(policy?.dsaCategory ?? null);
  const [termsUrl, setTermsUrl] = useState(policy?.termsUrl ?? '');
  const formRef = useRef<HTMLFormElement>(null);

  const mutation = policy ? update : create;
  const error = isApiError(mutation.error) ? mutation.error : null;
  const { validationErrors, summary } = useFormError(error, FIELDS);
  useFocusFirstInvalid(formRef, error);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fields = { title, description, dsaCategory, termsUrl: termsUrl.trim() || null };
    if (policy) {
      update.mutate(
        { code: policy.code, changes: { ...fields, active: policy.active } },
        { onSuccess: () => onDone(`Saved ${policy.code}.`) },
      );
    } else {
      create.mutate({ code, ...fields, active: true }, { onSuccess: (created) => onDone(`Added ${created.code}.`) });
    }
  }

  return (
    <Dialog title={policy ? `Edit ${policy.code}` : 'Add policy'} isOpen onOpenChange={(open) => !open && onClose()}>
      {() => (
        <Form ref={formRef} onSubmit={onSubmit} validationErrors={validationErrors}>
          {summary && <ErrorAlert error={summary} />}
          {!policy && (
            <TextField
              label="Code"
              name="code"
              description="Two to six capital letters, a dash and a number, like HR-2. It never changes."
              autoCapitalize="none"
              spellCheck="false"
              autoComplete="off"
              autoFocus
              isRequired
              pattern="[A-Z]{2,6}-[0-9]{1,3}"
              value={code}
              onChange={setCode}
            />
          )}
          <TextField
            label="Title"
            name="title"
            autoFocus={policy !== undefined}
            isRequired
            maxLength={120}
            value={title}
            onChange={setTitle}
          />
          <TextAreaField
            label="Description"
            name="description"
            description="What the policy covers, as reviewers should read it."
            maxLength={2000}
            rows={4}
            value={description}
            onChange={setDescription}
          />
          <ComboBox
            label="DSA category"
            name="dsaCategory"
            description="What statements of reasons under this policy report to the EU Transparency Database."
            defaultItems={DSA_CATEGORY_OPTIONS}
            value={dsaCategory}
            onChange={(key) => setDsaCategory(key === null ? null : (String(key) as DsaCategory))}
          >
            {(option) => <ComboBoxItem id={option.id}>{option.label}</ComboBoxItem>}
          </ComboBox>
          <TextField
            label="Terms URL"
            name="termsUrl"
            type="url"
            description="The clause of the platform's terms this policy enforces (https). Users are shown it; without it, decisions cannot rest on the terms."
            autoCapitalize="none"
            spellCheck="false"
            maxLength={500}
            value={termsUrl}
            onChange={setTermsUrl}
          />
          <DialogActions>
            <Button onPress={onClose}>Cancel</Button>
            <Button type="submit" variant="primary" isPending={mutation.isPending}>
              {policy ? 'Save changes' : 'Add policy'}
            </Button>
          </DialogActions>
        </Form>
      )}
    </Dialog>
  );
}

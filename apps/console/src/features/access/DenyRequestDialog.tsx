import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { isApiError } from '../../api/api-error';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Dialog, DialogActions } from '../../ui/Dialog';
import { useFormError } from '../../ui/form-error';
import { ReasonField } from '../../ui/ReasonField';
import { caseRef } from '../cases/case-ref';
import type { RequestDialogProps } from './ApproveRequestDialog';
import { useDenyAccessRequest } from './deny-request-mutation';

const REASON_MIN = 10;

/** A denial needs a reason: the requester sees it on their case at once. */
export function DenyRequestDialog({ request, onClose, onDone }: RequestDialogProps) {
  const deny = useDenyAccessRequest();
  const [reason, setReason] = useState('');
  const error = isApiError(deny.error) ? deny.error : null;
  const { validationErrors, summary } = useFormError(error, ['reason']);
  const ref = caseRef(request.caseId);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    deny.mutate(
      { requestId: request.id, reason: reason.trim() },
      { onSuccess: () => onDone(`Denied ${request.requester.username}'s access to case ${ref}.`) },
    );
  }

  return (
    <Dialog title={`Deny access to case ${ref}?`} isOpen onOpenChange={(open) => !open && onClose()}>
      {() => (
        <Form onSubmit={onSubmit} validationErrors={validationErrors}>
          {summary && <ErrorAlert error={summary} />}
          <p>{request.requester.displayName} sees your reason on the case straight away.</p>
          <ReasonField value={reason} onChange={setReason} minLength={REASON_MIN} autoFocus />
          <DialogActions>
            <Button onPress={onClose}>Cancel</Button>
            <Button type="submit" variant="danger" isPending={deny.isPending}>
              Deny request
            </Button>
          </DialogActions>
        </Form>
      )}
    </Dialog>
  );
}

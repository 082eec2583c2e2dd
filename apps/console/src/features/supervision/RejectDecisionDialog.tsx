import { type FormEvent, useRef, useState } from 'react';
import { Form } from 'react-aria-components';
import { isApiError } from '../../api/api-error';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Dialog, DialogActions } from '../../ui/Dialog';
import { useFormError } from '../../ui/form-error';
import { ReasonField } from '../../ui/ReasonField';
import { caseRef } from '../cases/case-ref';
import { actionLabel } from '../cases/decision-actions';
import type { DecisionDialogProps } from './ConfirmDecisionDialog';
import { useRejectDecision } from './reject-decision-mutation';

const REASON_MIN = 10;

/** Rejecting stops the action; the reason is required, because the decider will read it. */
export function RejectDecisionDialog({ decision, onClose, onDone }: DecisionDialogProps) {
  const reject = useRejectDecision();
  const [reason, setReason] = useState('');
  const formRef = useRef<HTMLFormElement>(null);
  const error = isApiError(reject.error) ? reject.error : null;
  const { validationErrors, summary } = useFormError(error, ['reason']);
  const what = `${actionLabel(decision.action).toLowerCase()} on case ${caseRef(decision.caseId)}`;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    reject.mutate({ decisionId: decision.id, reason }, { onSuccess: () => onDone(`Rejected ${what}.`) });
  }

  return (
    <Dialog title={`Reject ${what}?`} isOpen onOpenChange={(open) => !open && onClose()}>
      {() => (
        <Form ref={formRef} onSubmit={onSubmit} validationErrors={validationErrors}>
          {summary && <ErrorAlert error={summary} />}
          <p>Nothing takes effect. {decision.decidedBy.username} sees your reason with the decision.</p>
          <ReasonField value={reason} onChange={setReason} minLength={REASON_MIN} autoFocus />
          <DialogActions>
            <Button onPress={onClose}>Cancel</Button>
            <Button type="submit" variant="danger" isPending={reject.isPending}>
              Reject {actionLabel(decision.action).toLowerCase()}
            </Button>
          </DialogActions>
        </Form>
      )}
    </Dialog>
  );
}

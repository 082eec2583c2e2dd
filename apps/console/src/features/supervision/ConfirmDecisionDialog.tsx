import { type FormEvent, useRef, useState } from 'react';
import { Form } from 'react-aria-components';
import { isApiError } from '../../api/api-error';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Dialog, DialogActions } from '../../ui/Dialog';
import { useFormError } from '../../ui/form-error';
import { TextAreaField } from '../../ui/TextField';
import { caseRef } from '../cases/case-ref';
import { actionLabel } from '../cases/decision-actions';
import { useConfirmDecision } from './confirm-decision-mutation';
import type { PendingConfirmation } from './pending-confirmations-query';

export interface DecisionDialogProps {
  decision: PendingConfirmation;
  onClose: () => void;
  /** Called after success with a sentence for the page's status message. */
  onDone: (message: string) => void;
}

/** Confirming makes the suspension or referral take effect; a note is optional. */
export function ConfirmDecisionDialog({ decision, onClose, onDone }: DecisionDialogProps) {
  const confirm = useConfirmDecision();
  const [reason, setReason] = useState('');
  const formRef = useRef<HTMLFormElement>(null);
  const error = isApiError(confirm.error) ? confirm.error : null;
  const { validationErrors, summary } = useFormError(error, ['reason']);
  const what = `${actionLabel(decision.action).toLowerCase()} on case ${caseRef(decision.caseId)}`;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    confirm.mutate(
      { decisionId: decision.id, reason: reason.trim() || undefined },
      { onSuccess: () => onDone(`Confirmed ${what}.`) },
    );
  }

  return (
    <Dialog title={`Confirm ${what}?`} isOpen onOpenChange={(open) => !open && onClose()}>
      {() => (
        <Form ref={formRef} onSubmit={onSubmit} validationErrors={validationErrors}>
          {summary && <ErrorAlert error={summary} />}
          <p>
            It takes effect at once and the case is decided. {decision.decidedBy.username}’s rationale and your
            confirmation are recorded together.
          </p>
          <TextAreaField
            label="Note (optional)"
            name="reason"
            rows={3}
            maxLength={2000}
            value={reason}
            onChange={setReason}
            autoFocus
          />
          <DialogActions>
            <Button onPress={onClose}>Cancel</Button>
            <Button type="submit" variant="primary" isPending={confirm.isPending}>
              Confirm {actionLabel(decision.action).toLowerCase()}
            </Button>
          </DialogActions>
        </Form>
      )}
    </Dialog>
  );
}

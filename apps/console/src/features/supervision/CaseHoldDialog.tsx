import type { CaseSummary } from '@docket/contracts';
import { useNavigate } from 'react-router';
import { isApiError } from '../../api/api-error';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Dialog, DialogActions } from '../../ui/Dialog';
import { caseRef } from '../cases/case-ref';
import { casePath } from '../cases/keys';
import type { HoldAction } from './HeldCasesTable';
import { useReassignCase } from './reassign-case-mutation';
import { useUnassignCase } from './unassign-case-mutation';

export interface CaseHoldDialogProps {
  action: Exclude<HoldAction, 'reassign'>;
  summary: CaseSummary;
  currentUserId: string;
  queueName: string;
  onClose: () => void;
  /** Called after an unassignment with a sentence for the page's status message. */
  onDone: (message: string) => void;
}

/**
 * Taking a case from a colleague interrupts their work, so it is confirmed first. Taking it over
 * opens it for you with a fresh hold; unassigning puts it back in its queue.
 */
export function CaseHoldDialog({ action, summary, currentUserId, queueName, onClose, onDone }: CaseHoldDialogProps) {
  const reassign = useReassignCase();
  const unassign = useUnassignCase();
  const navigate = useNavigate();
  const pending = reassign.isPending || unassign.isPending;
  const error = [reassign.error, unassign.error].find(isApiError) ?? null;
  const ref = caseRef(summary.id);
  const holder = summary.assignee?.displayName ?? 'Its holder';
  const takingOver = action === 'take-over';

  function confirm() {
    if (takingOver) {
      reassign.mutate(
        { caseId: summary.id, assigneeId: currentUserId },
        { onSuccess: () => void navigate(casePath(summary.id)) },
      );
    } else {
      unassign.mutate(summary.id, { onSuccess: () => onDone(`Case ${ref} is back in ${queueName}.`) });
    }
  }

  return (
    <Dialog
      title={takingOver ? `Take over case ${ref}?` : `Unassign case ${ref}?`}
      size="sm"
      isOpen
      isDismissable
      onOpenChange={(open) => !open && onClose()}
    >
      {() => (
        <>
          {error && <ErrorAlert error={error} />}
          <p>
            {holder} loses the case at once; anything they have not recorded yet is lost.{' '}
            {takingOver
              ? 'It opens for you with a fresh 10-minute hold.'
              : `The next person to claim from ${queueName} gets it.`}
          </p>
          <DialogActions>
            <Button onPress={onClose} autoFocus>
              Cancel
            </Button>
            <Button variant="primary" onPress={confirm} isPending={pending}>
              {takingOver ? 'Take over' : 'Unassign'}
            </Button>
          </DialogActions>
        </>
      )}
    </Dialog>
  );
}

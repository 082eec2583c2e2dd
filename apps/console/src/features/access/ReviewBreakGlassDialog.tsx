import type { AccessGrant } from '@docket/contracts';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { isApiError } from '../../api/api-error';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Dialog, DialogActions } from '../../ui/Dialog';
import { TextAreaField } from '../../ui/TextField';
import { caseRef } from '../cases/case-ref';
import { useReviewBreakGlass } from './review-break-glass-mutation';

export type BreakGlassOutcome = 'justified' | 'unjustified';

/** Both outcomes are recorded; the note is optional, and auditors read it. */
export function ReviewBreakGlassDialog({
  grant,
  outcome,
  onClose,
  onDone,
}: {
  grant: AccessGrant;
  outcome: BreakGlassOutcome;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const review = useReviewBreakGlass();
  const [note, setNote] = useState('');
  const label = outcome === 'justified' ? 'justified' : 'not justified';
  const ref = caseRef(grant.caseId);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = note.trim();
    review.mutate(
      { grantId: grant.id, outcome, ...(trimmed ? { note: trimmed } : {}) },
      { onSuccess: () => onDone(`Marked ${grant.grantee.username}'s break-glass on case ${ref} ${label}.`) },
    );
  }

  return (
    <Dialog title={`Mark the break-glass on case ${ref} ${label}?`} isOpen onOpenChange={(open) => !open && onClose()}>
      {() => (
        <Form onSubmit={onSubmit}>
          {isApiError(review.error) && <ErrorAlert error={review.error} />}
          <p className="pending-rationale">{grant.breakGlassJustification}</p>
          <TextAreaField
            label="Note (optional)"
            name="note"
            rows={3}
            maxLength={2000}
            value={note}
            onChange={setNote}
            autoFocus
          />
          <DialogActions>
            <Button onPress={onClose}>Cancel</Button>
            <Button type="submit" variant={outcome === 'justified' ? 'primary' : 'danger'} isPending={review.isPending}>
              Mark {label}
            </Button>
          </DialogActions>
        </Form>
      )}
    </Dialog>
  );
}

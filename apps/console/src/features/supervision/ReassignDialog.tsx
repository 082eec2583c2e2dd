import type { CaseSummary } from '@docket/contracts';
import { useState } from 'react';
import type { Key } from 'react-aria-components';
import { isApiError, networkError } from '../../api/api-error';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { ComboBox, ComboBoxItem } from '../../ui/ComboBox';
import { Dialog, DialogActions } from '../../ui/Dialog';
import { Spinner } from '../../ui/Spinner';
import { caseRef } from '../cases/case-ref';
import { useAssignees } from './assignees-query';
import { useReassignCase } from './reassign-case-mutation';

export interface ReassignDialogProps {
  summary: CaseSummary;
  queueName: string;
  onClose: () => void;
  /** Called after the reassignment with a sentence for the page's status message. */
  onDone: (message: string) => void;
}

/** Hands a held case to a chosen colleague who works its queue, with a fresh hold. */
export function ReassignDialog({ summary, queueName, onClose, onDone }: ReassignDialogProps) {
  const people = useAssignees(summary.id);
  const reassign = useReassignCase();
  const [assigneeId, setAssigneeId] = useState<Key | null>(null);
  const ref = caseRef(summary.id);
  const chosen = people.data?.items.find((person) => person.id === assigneeId);
  const loadError = people.isError ? (isApiError(people.error) ? people.error : networkError()) : null;
  const saveError = isApiError(reassign.error) ? reassign.error : null;

  function confirm() {
    if (!chosen) return;
    reassign.mutate(
      { caseId: summary.id, assigneeId: chosen.id },
      { onSuccess: () => onDone(`Case ${ref} is now with ${chosen.displayName}.`) },
    );
  }

  return (
    <Dialog title={`Reassign case ${ref}`} size="sm" isOpen isDismissable onOpenChange={(open) => !open && onClose()}>
      {() => (
        <>
          {loadError && <ErrorAlert error={loadError} title="Could not load who can take the case" />}
          {saveError && <ErrorAlert error={saveError} />}
          <p>
            {summary.assignee?.displayName ?? 'Its holder'} loses the case at once. The person you choose gets it with a
            fresh 10-minute hold; they must work {queueName}.
          </p>
          {people.isPending ? (
            <p role="status">
              <Spinner /> Loading people…
            </p>
          ) : (
            <ComboBox
              label="Reassign to"
              autoFocus
              items={people.data?.items ?? []}
              selectedKey={assigneeId}
              onSelectionChange={setAssigneeId}
            >
              {(person) => (
                <ComboBoxItem id={person.id} textValue={`${person.displayName} ${person.username}`}>
                  {person.displayName} ({person.username})
                </ComboBoxItem>
              )}
            </ComboBox>
          )}
          <DialogActions>
            <Button onPress={onClose}>Cancel</Button>
            <Button variant="primary" onPress={confirm} isDisabled={!chosen} isPending={reassign.isPending}>
              Reassign
            </Button>
          </DialogActions>
        </>
      )}
    </Dialog>
  );
}

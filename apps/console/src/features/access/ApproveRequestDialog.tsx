import type { AccessScope, PendingAccessRequest } from '@docket/contracts';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { isApiError } from '../../api/api-error';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Dialog, DialogActions } from '../../ui/Dialog';
import { useFormError } from '../../ui/form-error';
import { caseRef } from '../cases/case-ref';
import { DurationField, ScopeFields, scopeDraft, scopeFromDraft } from './AccessFields';
import { formatMinutes, scopeLabel } from './access-format';
import { useApproveAccessRequest } from './approve-request-mutation';
import { useAccessPolicy } from './policy-query';

const FIELDS = ['durationMinutes', 'scope'] as const;

export interface RequestDialogProps {
  request: PendingAccessRequest;
  onClose: () => void;
  onDone: (message: string) => void;
}

/** Within the request: any scope under a full-conversation request, else the same kind with less. */
function narrowerKinds(scope: AccessScope): AccessScope['kind'][] {
  return scope.kind === 'full_conversation' ? ['full_conversation', 'reported_context', 'time_window'] : [scope.kind];
}

/** Approving grants the request, or less of it: a shorter time, a narrower scope. Never more. */
export function ApproveRequestDialog({ request, onClose, onDone }: RequestDialogProps) {
  const policy = useAccessPolicy();
  const approve = useApproveAccessRequest();
  const requested = request.scope;
  const [minutes, setMinutes] = useState(request.requestedMinutes);
  const [scope, setScope] = useState(() =>
    scopeDraft(requested, {
      // A full-conversation request knows no times; start from the day before the case opened.
      from: new Date(Date.parse(request.case.openedAt) - 24 * 3_600_000).toISOString(),
      to: request.case.openedAt,
      context: requested.kind === 'reported_context' ? requested.context : Math.min(5, policy.maxContext),
    }),
  );
  const error = isApiError(approve.error) ? approve.error : null;
  const { validationErrors, summary } = useFormError(error, FIELDS);
  const ref = caseRef(request.caseId);
  const minMinutes = Math.min(policy.minMinutes, request.requestedMinutes);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const chosen = scopeFromDraft(scope);
    if (!chosen) return;
    const narrowed = JSON.stringify(chosen) !== JSON.stringify(requested);
    approve.mutate(
      {
        requestId: request.id,
        ...(minutes !== request.requestedMinutes ? { durationMinutes: minutes } : {}),
        ...(narrowed ? { scope: chosen } : {}),
      },
      {
        onSuccess: () =>
          onDone(
            `Approved ${request.requester.username}'s access to case ${ref} for ${formatMinutes(minutes)}: ${scopeLabel(chosen).toLowerCase()}.`,
          ),
      },
    );
  }

  return (
    <Dialog title={`Approve access to case ${ref}?`} isOpen onOpenChange={(open) => !open && onClose()}>
      {() => (
        <Form onSubmit={onSubmit} validationErrors={validationErrors} className="access-form">
          {summary && <ErrorAlert error={summary} />}
          <p>
            {request.requester.displayName} asked for {scopeLabel(requested).toLowerCase()}, for{' '}
            {formatMinutes(request.requestedMinutes)}. You may grant less, never more; the grant starts now.
          </p>
          <DurationField value={minutes} onChange={setMinutes} min={minMinutes} max={request.requestedMinutes} />
          <ScopeFields
            value={scope}
            onChange={setScope}
            kinds={narrowerKinds(requested)}
            maxContext={requested.kind === 'reported_context' ? requested.context : policy.maxContext}
          />
          <DialogActions>
            <Button onPress={onClose}>Cancel</Button>
            <Button type="submit" variant="primary" isPending={approve.isPending}>
              Approve
            </Button>
          </DialogActions>
        </Form>
      )}
    </Dialog>
  );
}

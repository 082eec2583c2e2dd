import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { isApiError } from '../../api/api-error';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Dialog, DialogActions } from '../../ui/Dialog';
import { useFormError } from '../../ui/form-error';
import { DurationField, JustificationField } from './AccessFields';
import { formatMinutes } from './access-format';
import { useBreakGlass } from './break-glass-mutation';
import { useAccessPolicy } from './policy-query';

const FIELDS = ['justification', 'durationMinutes'] as const;

/** Urgent cases only: read the whole conversation now, without approval, and answer for it afterwards. */
export function BreakGlassDialog({ caseId, onClose }: { caseId: string; onClose: () => void }) {
  const policy = useAccessPolicy();
  const breakGlass = useBreakGlass();
  const [justification, setJustification] = useState('');
  const [minutes, setMinutes] = useState(policy.breakGlassMaxMinutes);
  const error = isApiError(breakGlass.error) ? breakGlass.error : null;
  const { validationErrors, summary } = useFormError(error, FIELDS);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    breakGlass.mutate(
      { caseId, justification: justification.trim(), durationMinutes: minutes },
      { onSuccess: onClose },
    );
  }

  return (
    <Dialog title="Break glass: read the conversation now" isOpen onOpenChange={(open) => !open && onClose()}>
      {() => (
        <Form onSubmit={onSubmit} validationErrors={validationErrors} className="access-form">
          {summary && <ErrorAlert error={summary} />}
          <Alert tone="info" title="For emergencies only">
            The whole conversation opens at once, for at most {formatMinutes(policy.breakGlassMaxMinutes)}, without a
            supervisor's approval. The use is flagged: supervisors are told now, and one of them will review whether it
            was justified.
          </Alert>
          <JustificationField
            label="Why this cannot wait"
            value={justification}
            onChange={setJustification}
            minLength={policy.justificationMinLength}
          />
          <DurationField value={minutes} onChange={setMinutes} min={1} max={policy.breakGlassMaxMinutes} />
          <DialogActions>
            <Button onPress={onClose}>Cancel</Button>
            <Button type="submit" variant="danger" isPending={breakGlass.isPending}>
              Break glass
            </Button>
          </DialogActions>
        </Form>
      )}
    </Dialog>
  );
}

import { HOLD_DEFAULT_DAYS, type Hold } from '@docket/contracts';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { isApiError } from '../../api/api-error';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Dialog, DialogActions } from '../../ui/Dialog';
import { useFormError } from '../../ui/form-error';
import { ReasonField } from '../../ui/ReasonField';
import { Timestamp } from '../../ui/Timestamp';
import { HoldDaysField } from './HoldDaysField';
import { useExtendHold, useReleaseHold } from './hold-mutations';

export type HoldAction = 'extend' | 'release';

/** Extending adds days to the expiry; releasing ends the hold now, with a reason. */
export function HoldActionDialog({
  hold,
  action,
  onClose,
  onDone,
}: {
  hold: Hold;
  action: HoldAction;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const extend = useExtendHold();
  const release = useReleaseHold();
  const [days, setDays] = useState(HOLD_DEFAULT_DAYS);
  const [reason, setReason] = useState('');
  const mutation = action === 'extend' ? extend : release;
  const error = isApiError(mutation.error) ? mutation.error : null;
  const { validationErrors, summary } = useFormError(error, ['days', 'reason']);
  const target = `${hold.targetType} ${hold.targetId}`;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (action === 'extend') {
      extend.mutate({ id: hold.id, days }, { onSuccess: () => onDone(`Extended the hold on ${target}.`) });
    } else {
      release.mutate({ id: hold.id, reason }, { onSuccess: () => onDone(`Released the hold on ${target}.`) });
    }
  }

  return (
    <Dialog
      title={action === 'extend' ? `Extend hold on ${target}` : `Release hold on ${target}`}
      isOpen
      onOpenChange={(open) => !open && onClose()}
    >
      {(close) => (
        <Form onSubmit={onSubmit} validationErrors={validationErrors}>
          {summary && <ErrorAlert error={summary} />}
          <p>
            Expires <Timestamp value={hold.expiresAt} />.
          </p>
          {action === 'extend' ? (
            <HoldDaysField
              label="Days to add"
              value={days}
              onChange={setDays}
              autoFocus
              description="Added to the current expiry. A hold is never shortened; release it instead."
            />
          ) : (
            <ReasonField
              value={reason}
              onChange={setReason}
              minLength={10}
              autoFocus
              description="Retention may destroy what it covered once nothing else keeps it."
            />
          )}
          <DialogActions>
            <Button onPress={close}>Cancel</Button>
            <Button type="submit" variant="primary" isPending={mutation.isPending}>
              {action === 'extend' ? 'Extend hold' : 'Release hold'}
            </Button>
          </DialogActions>
        </Form>
      )}
    </Dialog>
  );
}

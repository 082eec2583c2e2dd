import { HOLD_DEFAULT_DAYS, type Hold } from '@docket/contracts';
import { type FormEvent, useRef, useState } from 'react';
import { DialogTrigger, Form } from 'react-aria-components';
import { isApiError } from '../../api/api-error';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Dialog, DialogActions } from '../../ui/Dialog';
import { useFormError } from '../../ui/form-error';
import { Radio, RadioGroup } from '../../ui/RadioGroup';
import { ReasonField } from '../../ui/ReasonField';
import { TextField } from '../../ui/TextField';
import { useFocusFirstInvalid } from '../../ui/use-focus-first-invalid';
import { HoldDaysField } from './HoldDaysField';
import { usePlaceHold } from './hold-mutations';

/** "Place hold": an account or a conversation, why, and for how long (90 days unless changed). */
export function PlaceHoldDialog({ onPlaced }: { onPlaced: (hold: Hold) => void }) {
  return (
    <DialogTrigger>
      <Button variant="primary">Place hold</Button>
      <Dialog title="Place hold">{(close) => <PlaceHoldForm onCancel={close} onPlaced={onPlaced} />}</Dialog>
    </DialogTrigger>
  );
}

function PlaceHoldForm({ onCancel, onPlaced }: { onCancel: () => void; onPlaced: (hold: Hold) => void }) {
  const place = usePlaceHold();
  const [targetType, setTargetType] = useState<'account' | 'conversation'>('account');
  const [targetId, setTargetId] = useState('');
  const [reason, setReason] = useState('');
  const [days, setDays] = useState(HOLD_DEFAULT_DAYS);
  const formRef = useRef<HTMLFormElement>(null);
  const error = isApiError(place.error) ? place.error : null;
  const { validationErrors, summary } = useFormError(error, ['targetType', 'targetId', 'reason', 'days']);
  useFocusFirstInvalid(formRef, error);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    place.mutate(
      { targetType, targetId: targetId.trim(), reason, days },
      {
        onSuccess: (hold) => {
          onCancel();
          onPlaced(hold);
        },
      },
    );
  }

  return (
    <Form ref={formRef} onSubmit={onSubmit} validationErrors={validationErrors}>
      {summary && <ErrorAlert error={summary} />}
      <RadioGroup
        label="Hold on"
        name="targetType"
        value={targetType}
        onChange={(value) => setTargetType(value as 'account' | 'conversation')}
      >
        <Radio value="account" hint="Every conversation the account takes part in.">
          An account
        </Radio>
        <Radio value="conversation">A conversation</Radio>
      </RadioGroup>
      <TextField
        label={targetType === 'account' ? 'Account id' : 'Conversation id'}
        name="targetId"
        description="The platform’s id."
        autoComplete="off"
        autoFocus
        isRequired
        value={targetId}
        onChange={setTargetId}
      />
      <ReasonField
        value={reason}
        onChange={setReason}
        minLength={10}
        description="The order or request it answers, e.g. its reference. Never message content."
      />
      <HoldDaysField
        label="Days"
        value={days}
        onChange={setDays}
        description={`Retention destroys nothing it covers until then; ${HOLD_DEFAULT_DAYS} days unless changed.`}
      />
      <DialogActions>
        <Button onPress={onCancel}>Cancel</Button>
        <Button type="submit" variant="primary" isPending={place.isPending}>
          Place hold
        </Button>
      </DialogActions>
    </Form>
  );
}

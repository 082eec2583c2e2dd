import { APPEAL_OUTCOMES, type AppealOutcome, type CaseSummary } from '@docket/contracts';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useNavigate } from 'react-router';
import { isApiError } from '../../api/api-error';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { useFormError } from '../../ui/form-error';
import { Radio, RadioGroup } from '../../ui/RadioGroup';
import { TextAreaField } from '../../ui/TextField';
import { withNotice } from '../../ui/use-route-notice';
import { caseRef } from './case-ref';
import { useDecideAppeal } from './decide-appeal-mutation';

const FIELDS = ['outcome', 'publicReason', 'internalNote'] as const;
const PUBLIC_REASON_MIN = 20;

const OUTCOMES: Record<AppealOutcome, { label: string; hint: string }> = {
  upheld: { label: 'Uphold', hint: 'The decision stands.' },
  reversed: { label: 'Reverse', hint: 'The decision is undone; the platform hears decision.reversed.' },
  partly_reversed: { label: 'Partly reverse', hint: 'Part of it is undone; the platform hears decision.reversed.' },
};

/** The outcome of an appeal: what the appellant is told, and a note for staff. The platform hears both outcome and reason. */
export function AppealOutcomePanel({ summary, isDisabled }: { summary: CaseSummary; isDisabled: boolean }) {
  const decide = useDecideAppeal();
  const navigate = useNavigate();
  const [outcome, setOutcome] = useState<AppealOutcome | null>(null);
  const [publicReason, setPublicReason] = useState('');
  const [internalNote, setInternalNote] = useState('');
  const error = isApiError(decide.error) ? decide.error : null;
  const { validationErrors, summary: errorSummary } = useFormError(error, FIELDS);
  const isLocked = isDisabled || decide.isPending || decide.isSuccess;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isLocked || !outcome) return;
    decide.mutate(
      { caseId: summary.id, body: { outcome, publicReason, internalNote } },
      {
        onSuccess: (decided) =>
          void navigate('/queues', {
            state: withNotice(`Appeal ${caseRef(decided.caseId)} decided: ${decided.outcome.replace('_', ' ')}.`),
          }),
      },
    );
  }

  return (
    <section className="decision-panel" aria-labelledby="appeal-outcome-title">
      <h2 id="appeal-outcome-title">Appeal outcome</h2>
      {errorSummary && <ErrorAlert error={errorSummary} title="The outcome was not recorded" />}
      <Form onSubmit={onSubmit} validationErrors={validationErrors} className="decision-form">
        <RadioGroup
          label="Outcome"
          name="outcome"
          value={outcome}
          onChange={(value) => setOutcome(value as AppealOutcome)}
          isRequired
          isDisabled={isLocked}
          validate={(value) => (value ? null : 'Choose an outcome.')}
        >
          {APPEAL_OUTCOMES.map((value) => (
            <Radio key={value} value={value} hint={OUTCOMES[value].hint}>
              {OUTCOMES[value].label}
            </Radio>
          ))}
        </RadioGroup>
        <TextAreaField
          label="Public reason"
          name="publicReason"
          description="The appellant reads this, through the platform."
          rows={4}
          isRequired
          isDisabled={isLocked}
          maxLength={4000}
          value={publicReason}
          onChange={setPublicReason}
          validate={(value) =>
            value.trim().length >= PUBLIC_REASON_MIN ? null : `Write at least ${PUBLIC_REASON_MIN} characters.`
          }
        />
        <TextAreaField
          label="Internal note"
          name="internalNote"
          description="Staff only. Never leaves Docket."
          rows={3}
          isDisabled={isLocked}
          maxLength={4000}
          value={internalNote}
          onChange={setInternalNote}
        />
        <div className="decision-submit">
          <Button
            type="submit"
            variant="primary"
            isPending={decide.isPending}
            isDisabled={isDisabled || decide.isSuccess}
          >
            Record outcome
          </Button>
        </div>
      </Form>
    </section>
  );
}

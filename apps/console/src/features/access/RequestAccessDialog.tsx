import { CASE_JUSTIFICATION_CODES, type CaseDetail, type CaseJustificationCode } from '@docket/contracts';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { isApiError } from '../../api/api-error';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Dialog, DialogActions } from '../../ui/Dialog';
import { useFormError } from '../../ui/form-error';
import { Radio, RadioGroup } from '../../ui/RadioGroup';
import { DurationField, JustificationField, ScopeFields, scopeDraft, scopeFromDraft } from './AccessFields';
import { formatMinutes, JUSTIFICATION_LABELS } from './access-format';
import { useFileAccessRequest } from './file-request-mutation';
import { useAccessPolicy } from './policy-query';

const FIELDS = ['justificationCode', 'justification', 'scope', 'durationMinutes'] as const;
const ALL_KINDS = ['reported_context', 'time_window', 'full_conversation'] as const;
const DEFAULT_CONTEXT = 5;

/** Asking a supervisor to read more of the conversation: why, how much, for how long. */
export function RequestAccessDialog({
  caseId,
  conversation,
  onClose,
}: {
  caseId: string;
  conversation: CaseDetail['conversation'];
  onClose: () => void;
}) {
  const policy = useAccessPolicy();
  const file = useFileAccessRequest();
  const [code, setCode] = useState<CaseJustificationCode | null>(null);
  const [justification, setJustification] = useState('');
  const now = new Date().toISOString();
  const [scope, setScope] = useState(() =>
    scopeDraft(null, {
      from: conversation.firstMessageAt ?? now,
      to: conversation.lastMessageAt ?? now,
      context: Math.min(DEFAULT_CONTEXT, policy.maxContext),
    }),
  );
  const [minutes, setMinutes] = useState(() => Math.min(Math.max(60, policy.minMinutes), policy.maxMinutes));
  const error = isApiError(file.error) ? file.error : null;
  const { validationErrors, summary } = useFormError(error, FIELDS);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const chosen = scopeFromDraft(scope);
    if (!code || !chosen) return;
    file.mutate(
      {
        caseId,
        body: { justificationCode: code, justification: justification.trim(), scope: chosen, durationMinutes: minutes },
      },
      { onSuccess: onClose },
    );
  }

  return (
    <Dialog title="Request access to the conversation" isOpen onOpenChange={(open) => !open && onClose()}>
      {() => (
        <Form onSubmit={onSubmit} validationErrors={validationErrors} className="access-form">
          {summary && <ErrorAlert error={summary} />}
          <p>
            A supervisor other than you decides. Requests nobody decides within{' '}
            {formatMinutes(policy.pendingHours * 60)} expire and grant nothing.
          </p>
          <RadioGroup
            label="Justification code"
            name="justificationCode"
            isRequired
            value={code}
            onChange={(value) => setCode(value as CaseJustificationCode)}
          >
            {CASE_JUSTIFICATION_CODES.map((each) => (
              <Radio key={each} value={each} hint={JUSTIFICATION_LABELS[each].hint}>
                {JUSTIFICATION_LABELS[each].label}
              </Radio>
            ))}
          </RadioGroup>
          <JustificationField
            value={justification}
            onChange={setJustification}
            minLength={policy.justificationMinLength}
          />
          <ScopeFields value={scope} onChange={setScope} kinds={ALL_KINDS} maxContext={policy.maxContext} />
          <DurationField value={minutes} onChange={setMinutes} min={policy.minMinutes} max={policy.maxMinutes} />
          <DialogActions>
            <Button onPress={onClose}>Cancel</Button>
            <Button type="submit" variant="primary" isPending={file.isPending}>
              Send request
            </Button>
          </DialogActions>
        </Form>
      )}
    </Dialog>
  );
}

import {
  type CaseSummary,
  DECISION_ACTIONS,
  type Decision,
  type DecisionAction,
  isRestricting,
} from '@docket/contracts';
import { type FormEvent, useRef, useState } from 'react';
import { Form } from 'react-aria-components';
import { Link, useNavigate } from 'react-router';
import { isApiError } from '../../api/api-error';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { ComboBox, ComboBoxItem } from '../../ui/ComboBox';
import { useFormError } from '../../ui/form-error';
import { Kbd, MOD_KEY } from '../../ui/Kbd';
import { Radio, RadioGroup } from '../../ui/RadioGroup';
import { TextAreaField } from '../../ui/TextField';
import { type Hotkeys, useHotkeys } from '../../ui/use-hotkeys';
import { withNotice } from '../../ui/use-route-notice';
import { usePolicies } from '../policies/policy-list-query';
import { caseRef } from './case-ref';
import type { useDecideCase } from './decide-mutation';
import { actionHint, actionLabel, needsConfirmation } from './decision-actions';
import { policiesFitting } from './policy-fit';
import { StatementFields } from './StatementFields';
import { EMPTY_STATEMENT, statementBody } from './statement-draft';
import type { useOpenNextCase } from './use-open-next-case';

const FIELDS = [
  'action',
  'policyCode',
  'rationale',
  'statement',
  'statement.ground.kind',
  'statement.ground.legalGround',
  'statement.ground.explanation',
  'statement.publicReason',
  'statement.endsAt',
  'statement.territorialScope',
] as const;
const RATIONALE_MIN = 10;

export interface DecisionPanelProps {
  summary: CaseSummary;
  queueName: string;
  /** How long the user may appeal a restriction; the panel shows the date it would end. */
  appealWindowMonths: number;
  /** The hold on the case is gone: the server would refuse a decision. */
  isDisabled: boolean;
  /** Owned by the case view, which must not skip or release a case while it is being decided. */
  decide: ReturnType<typeof useDecideCase>;
  next: ReturnType<typeof useOpenNextCase>;
}

function recordedNotice(decision: Decision): string {
  const what = `Recorded “${actionLabel(decision.action)}” under ${decision.policyCode} on case ${caseRef(decision.caseId)}`;
  const sentence = needsConfirmation(decision.action)
    ? `${what}; it takes effect once another supervisor confirms it.`
    : `${what}.`;
  const appealUntil = decision.statement?.redress.appealUntil;
  return appealUntil
    ? `${sentence} The user may appeal until ${new Date(appealUntil).toLocaleDateString()}.`
    : sentence;
}

/**
 * Action, policy, internal note and, for a restriction, the statement of reasons the user reads;
 * then straight on to the next case of the same queue. Every part is reachable without the mouse:
 * 1–7 pick the action, p, u and e jump to the fields, Ctrl/⌘+Enter records. Claiming has side
 * effects, so the next case is claimed only once the decision is in.
 */
export function DecisionPanel({
  summary,
  queueName,
  appealWindowMonths,
  isDisabled,
  decide,
  next,
}: DecisionPanelProps) {
  const { data: policies } = usePolicies();
  const { openNext, claim } = next;
  const navigate = useNavigate();

  const [action, setAction] = useState<DecisionAction | null>(null);
  const [policyCode, setPolicyCode] = useState<string | null>(null);
  const fitting = policiesFitting(policies.items, summary.category, action);
  const [rationale, setRationale] = useState('');
  const [statement, setStatement] = useState(EMPTY_STATEMENT);
  const formRef = useRef<HTMLFormElement>(null);
  const policyRef = useRef<HTMLInputElement>(null);
  const rationaleRef = useRef<HTMLTextAreaElement>(null);
  const publicReasonRef = useRef<HTMLTextAreaElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const error = isApiError(decide.error) ? decide.error : null;
  const { validationErrors, summary: errorSummary } = useFormError(error, FIELDS);
  const isLocked = isDisabled || decide.isPending || decide.isSuccess;
  const selectedPolicy = fitting.find((policy) => policy.code === policyCode);

  const hotkeys: Hotkeys = {
    p: () => policyRef.current?.focus(),
    e: () => rationaleRef.current?.focus(),
    u: () => (publicReasonRef.current ? publicReasonRef.current.focus() : false),
    'mod+Enter': () => (isLocked ? false : formRef.current?.requestSubmit()),
    // Esc leaves a field, so the single-key shortcuts work again; focus waits on the panel's heading.
    Escape: (event) =>
      event.target instanceof HTMLElement &&
      event.target.matches('input, textarea') &&
      formRef.current?.contains(event.target)
        ? headingRef.current?.focus()
        : false,
  };
  DECISION_ACTIONS.forEach((value, index) => {
    hotkeys[String(index + 1)] = () => (isLocked ? false : setAction(value));
  });
  useHotkeys(hotkeys);

  function moveOn(decision: Decision) {
    const notice = recordedNotice(decision);
    openNext(
      { queueId: summary.queueId },
      {
        notice,
        replace: true,
        onEmpty: () =>
          void navigate('/queues', { state: withNotice(`${notice} Nothing else to review in ${queueName}.`) }),
      },
    );
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isLocked || !action || !selectedPolicy) return;
    const chosen = { action, policyCode: selectedPolicy.code, rationale };
    const body = isRestricting(action) ? { ...chosen, statement: statementBody(statement, action) } : chosen;
    decide.mutate({ caseId: summary.id, body }, { onSuccess: moveOn });
  }

  return (
    <section className="decision-panel" aria-labelledby="decision-title">
      <h2 id="decision-title" ref={headingRef} tabIndex={-1}>
        Decision
      </h2>
      {/* A 409 means the case is no longer this person's: the page says so above the case. */}
      {errorSummary && errorSummary.status !== 409 && (
        <ErrorAlert error={errorSummary} title="The decision was not recorded" />
      )}
      {decide.isSuccess && !claim.isError && (
        <Alert tone="success">Decision recorded. Opening the next case in {queueName}…</Alert>
      )}
      {decide.isSuccess && claim.isError && (
        <div className="decision-error">
          <Alert title="Decision recorded, but the next case could not be opened">
            {isApiError(claim.error) ? claim.error.detail : 'Try again in a moment.'}
          </Alert>
          <div className="error-actions">
            <Button size="sm" onPress={() => moveOn(decide.data)} isPending={claim.isPending}>
              Open the next case
            </Button>
            <Link to="/queues">Back to queues</Link>
          </div>
        </div>
      )}

      <Form ref={formRef} onSubmit={onSubmit} validationErrors={validationErrors} className="decision-form">
        <RadioGroup
          label="Action"
          name="action"
          value={action}
          onChange={(value) => setAction(value as DecisionAction)}
          isRequired
          isDisabled={isLocked}
          validate={(value) => (value ? null : 'Choose an action (keys 1–7).')}
        >
          {DECISION_ACTIONS.map((value, index) => (
            <Radio key={value} value={value} hint={actionHint(value)} end={<Kbd decorative>{index + 1}</Kbd>}>
              {actionLabel(value)}
            </Radio>
          ))}
        </RadioGroup>

        <ComboBox
          // The list follows the action (a violation, or none); a choice that no longer fits goes.
          key={action === 'no_violation' ? 'none' : 'violation'}
          label="Policy"
          name="policyCode"
          defaultItems={fitting}
          value={selectedPolicy ? policyCode : null}
          onChange={(key) => setPolicyCode(key === null ? null : String(key))}
          inputRef={policyRef}
          placeholder="Type a code or a word (p)"
          description={selectedPolicy?.description}
          isRequired
          isDisabled={isLocked}
          validate={({ value }) => (value === null ? 'Choose a policy from the list.' : null)}
        >
          {(policy) => (
            <ComboBoxItem id={policy.code} textValue={`${policy.code} ${policy.title}`}>
              <span className="mono">{policy.code}</span> {policy.title}
            </ComboBoxItem>
          )}
        </ComboBox>

        {action && isRestricting(action) && (
          <StatementFields
            action={action}
            draft={statement}
            onChange={setStatement}
            termsUrl={selectedPolicy?.termsUrl ?? null}
            appealWindowMonths={appealWindowMonths}
            isDisabled={isLocked}
            publicReasonRef={publicReasonRef}
          />
        )}

        <TextAreaField
          label="Internal note"
          name="rationale"
          description="Staff only: why this action under this policy. Auditors read it; the user never does."
          placeholder="Write the internal note (e)"
          textAreaRef={rationaleRef}
          rows={5}
          isRequired
          isDisabled={isLocked}
          maxLength={4000}
          value={rationale}
          onChange={setRationale}
          validate={(value) =>
            value.trim().length >= RATIONALE_MIN ? null : `Write at least ${RATIONALE_MIN} characters.`
          }
        />

        <div className="decision-submit">
          <Button
            type="submit"
            variant="primary"
            isPending={decide.isPending || claim.isPending}
            isDisabled={isDisabled || decide.isSuccess}
          >
            Record decision
          </Button>
          <span className="decision-submit-hint" aria-hidden="true">
            <Kbd>{MOD_KEY}</Kbd>+<Kbd>Enter</Kbd>
          </span>
        </div>
      </Form>
    </section>
  );
}

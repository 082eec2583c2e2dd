import {
  type BulkDecideBody,
  type BulkPreview,
  type Category,
  DECISION_ACTIONS,
  type DecisionAction,
  isRestricting,
  type Policy,
} from '@docket/contracts';
import { type FormEvent, useRef, useState } from 'react';
import { Form } from 'react-aria-components';
import { isApiError } from '../../api/api-error';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { ComboBox, ComboBoxItem } from '../../ui/ComboBox';
import { Dialog, DialogActions } from '../../ui/Dialog';
import { useFormError } from '../../ui/form-error';
import { Select } from '../../ui/Select';
import { TextAreaField } from '../../ui/TextField';
import { actionHint, actionLabel } from '../cases/decision-actions';
import { policiesFitting } from '../cases/policy-fit';
import { StatementFields } from '../cases/StatementFields';
import { EMPTY_STATEMENT, statementBody } from '../cases/statement-draft';
import { usePolicies } from '../policies/policy-list-query';
import { useDecideInBulk, usePreviewBulkDecision } from './bulk-mutations';
import { offerUndo } from './undo-offer';

export type BulkTarget = { caseIds: string[] } | { accountId: string };

export interface BulkDecisionDialogProps {
  target: BulkTarget;
  /** What the target is, in words: "20 selected cases", "every open case of @spammer". */
  label: string;
  /** The cases' categories, where known: only policies that fit every one are offered. */
  categories: readonly Category[];
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  onDecided?: () => void;
}

const RATIONALE_MIN = 10;
const FIELDS = [
  'policyCode',
  'rationale',
  'statement.ground.legalGround',
  'statement.ground.explanation',
  'statement.publicReason',
  'statement.endsAt',
  'statement.territorialScope',
] as const;

/** Policies that fit every one of the categories (of the right kind for the action). */
function policiesFittingAll(policies: Policy[], categories: readonly Category[], action: DecisionAction) {
  const ofKind = policies.filter((policy) => policy.active && policy.violation === (action !== 'no_violation'));
  return categories.reduce((fit, category) => policiesFitting(fit, category, action), ofKind);
}

/**
 * One action, one policy, one internal note and one public reason for many cases. Preview first:
 * it says what will happen to how many cases, and which cases stop it; then apply, all or nothing,
 * each case with its own decision, and an undo for all of them for a few seconds after.
 */
export function BulkDecisionDialog({
  target,
  label,
  categories,
  isOpen,
  onOpenChange,
  onDecided,
}: BulkDecisionDialogProps) {
  const { data: policies } = usePolicies();
  const [action, setAction] = useState<DecisionAction>('no_violation');
  const [policyCode, setPolicyCode] = useState<string | null>(null);
  const [rationale, setRationale] = useState('');
  const [statement, setStatement] = useState(EMPTY_STATEMENT);
  const publicReasonRef = useRef<HTMLTextAreaElement>(null);
  const preview = usePreviewBulkDecision();
  const apply = useDecideInBulk();
  const fitting = policiesFittingAll(policies.items, categories, action);
  const selectedPolicy = fitting.find((policy) => policy.code === policyCode);
  const isLocked = preview.isPending || apply.isPending;

  // Any change makes the last preview stale: apply only what was previewed.
  const edit =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      preview.reset();
      apply.reset();
      set(value);
    };

  function body(): BulkDecideBody | null {
    if (!selectedPolicy) return null;
    const chosen = { ...target, action, policyCode: selectedPolicy.code, rationale };
    return isRestricting(action) ? { ...chosen, statement: statementBody(statement, action) } : chosen;
  }

  function onPreview(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const request = body();
    if (request) preview.mutate(request);
  }

  function onApply(close: () => void) {
    const request = body();
    if (!request) return;
    apply.mutate(request, {
      onSuccess: (result) => {
        offerUndo({
          decisionIds: result.decisions.map((d) => d.decisionId),
          caseIds: result.decisions.map((d) => d.caseId),
          summary: `Recorded “${actionLabel(action)}” on ${result.decisions.length} case${result.decisions.length === 1 ? '' : 's'}`,
          decidedAt: result.decidedAt,
          undoUntil: result.undoUntil,
        });
        onDecided?.();
        close();
      },
    });
  }

  const error = [apply.error, preview.error].find(isApiError) ?? null;
  const { validationErrors, summary: errorSummary } = useFormError(error, FIELDS);
  const previewed = preview.data;
  return (
    <Dialog title={`Decide ${label}`} isOpen={isOpen} onOpenChange={onOpenChange}>
      {(close) => (
        <Form onSubmit={onPreview} className="bulk-form" validationErrors={validationErrors}>
          <Select
            label="Action"
            options={DECISION_ACTIONS.map((id) => ({ id, label: actionLabel(id) }))}
            value={action}
            onChange={edit((value: string) => setAction(value as DecisionAction))}
          />
          {actionHint(action) && <p className="cell-muted">{actionHint(action)}</p>}
          <ComboBox
            key={action === 'no_violation' ? 'none' : 'violation'}
            label="Policy"
            name="policyCode"
            defaultItems={fitting}
            value={selectedPolicy ? policyCode : null}
            onChange={edit((key: unknown) => setPolicyCode(key === null ? null : String(key)))}
            placeholder="Type a code or a word"
            description={selectedPolicy?.description ?? 'Only policies that fit every case are listed.'}
            isRequired
            isDisabled={isLocked}
          >
            {(policy) => (
              <ComboBoxItem id={policy.code} textValue={`${policy.code} ${policy.title}`}>
                <span className="mono">{policy.code}</span> {policy.title}
              </ComboBoxItem>
            )}
          </ComboBox>
          {isRestricting(action) && (
            <StatementFields
              action={action}
              draft={statement}
              onChange={edit(setStatement)}
              termsUrl={selectedPolicy?.termsUrl ?? null}
              appealWindowMonths={previewed?.appealWindowMonths ?? null}
              isDisabled={isLocked}
              publicReasonRef={publicReasonRef}
            />
          )}
          <TextAreaField
            label="Internal note"
            name="rationale"
            description="Staff only, recorded on every decision. The user never reads it."
            rows={3}
            isRequired
            isDisabled={isLocked}
            maxLength={4000}
            value={rationale}
            onChange={edit(setRationale)}
            validate={(value) =>
              value.trim().length >= RATIONALE_MIN ? null : `Write at least ${RATIONALE_MIN} characters.`
            }
          />
          {errorSummary && <ErrorAlert error={errorSummary} title="Nothing was decided" />}
          {previewed && <PreviewSummary preview={previewed} />}
          <DialogActions>
            <Button onPress={close}>Cancel</Button>
            <Button type="submit" isPending={preview.isPending} isDisabled={!selectedPolicy || apply.isPending}>
              Preview
            </Button>
            <Button
              variant="primary"
              onPress={() => onApply(close)}
              isPending={apply.isPending}
              isDisabled={!previewed || previewed.refusals.length > 0 || preview.isPending}
            >
              {previewed ? `Apply to ${previewed.caseIds.length} cases` : 'Apply'}
            </Button>
          </DialogActions>
        </Form>
      )}
    </Dialog>
  );
}

function PreviewSummary({ preview }: { preview: BulkPreview }) {
  const total = preview.caseIds.length;
  const lines = [
    preview.decided > 0 &&
      `${preview.decided} decided; the platform hears of them ${preview.undoSeconds > 0 ? `${preview.undoSeconds} s after you apply, unless you undo` : 'at once'} (${preview.accounts} account${preview.accounts === 1 ? '' : 's'} told)`,
    preview.awaitingConfirmation > 0 && `${preview.awaitingConfirmation} wait for another supervisor to confirm`,
    preview.escalated > 0 && `${preview.escalated} move to the Escalations queue`,
    preview.claimed > 0 && `${preview.claimed} you do not hold yet: applying claims them`,
    preview.statements > 0 && `${preview.statements} statements of reasons, one per case`,
  ].filter(Boolean);
  return (
    <section aria-label="Preview" className="bulk-preview-section">
      {preview.refusals.length > 0 ? (
        <Alert title={`${preview.refusals.length} of ${total} cases cannot be decided this way, so none will be`}>
          <ul className="bulk-refusals">
            {preview.refusals.map((refusal) => (
              <li key={refusal.caseId}>
                <span className="mono">{refusal.caseId.slice(0, 8)}</span>: {refusal.message}
              </li>
            ))}
          </ul>
          Leave them out of the selection, or choose another policy.
        </Alert>
      ) : (
        <Alert tone="info" title={`${total} case${total === 1 ? '' : 's'}, each with its own decision and audit event`}>
          <ul className="bulk-preview">
            {lines.map((line) => (
              <li key={String(line)}>{line}</li>
            ))}
          </ul>
        </Alert>
      )}
    </section>
  );
}

import { Button } from '../../ui/Button';
import { Timestamp } from '../../ui/Timestamp';
import { CaseSummaryMeta } from '../cases/CaseSummaryMeta';
import { caseRef } from '../cases/case-ref';
import { DecisionReasons } from '../cases/DecisionReasons';
import { actionLabel } from '../cases/decision-actions';
import { SignOffEvidence } from '../cases/SignOffEvidence';
import type { PendingConfirmation } from './pending-confirmations-query';

export type ConfirmationAction = 'confirm' | 'reject';

export interface PendingDecisionCardProps {
  decision: PendingConfirmation;
  queueName: string;
  policyTitle: string | undefined;
  /** The viewer recorded this decision: they may not be the one to confirm it. */
  isOwn: boolean;
  onAction: (action: ConfirmationAction, decision: PendingConfirmation) => void;
}

/** One suspension or referral waiting for a second supervisor, with everything needed to judge it. */
export function PendingDecisionCard({ decision, queueName, policyTitle, isOwn, onAction }: PendingDecisionCardProps) {
  const titleId = `pending-${decision.id}`;
  const summary = decision.case;
  return (
    <li className="pending-card" aria-labelledby={titleId}>
      <div>
        <h2 id={titleId}>
          {actionLabel(decision.action)} <span className="mono">{caseRef(summary.id)}</span>
        </h2>
        <CaseSummaryMeta summary={summary} queueName={queueName}>
          <span>
            Policy <span className="mono">{decision.policyCode}</span>
            {policyTitle && ` (${policyTitle})`}
          </span>
          <span>
            Decided by <strong>{decision.decidedBy.username}</strong>, <Timestamp value={decision.decidedAt} />
          </span>
        </CaseSummaryMeta>
      </div>
      <div className="pending-actions">
        <Button
          variant="primary"
          size="sm"
          isDisabled={isOwn}
          aria-label={`Confirm ${actionLabel(decision.action).toLowerCase()} on ${caseRef(summary.id)}…`}
          onPress={() => onAction('confirm', decision)}
        >
          Confirm…
        </Button>
        <Button
          size="sm"
          isDisabled={isOwn}
          aria-label={`Reject ${actionLabel(decision.action).toLowerCase()} on ${caseRef(summary.id)}…`}
          onPress={() => onAction('reject', decision)}
        >
          Reject…
        </Button>
      </div>
      <DecisionReasons decision={decision} className="pending-rationale" />
      <SignOffEvidence caseId={summary.id} />
      {isOwn && (
        <p className="pending-own">
          You recorded this decision, so another supervisor must confirm or reject it: no one checks their own
          suspension or referral.
        </p>
      )}
    </li>
  );
}

import type { Decision } from '@docket/contracts';
import { Badge } from '../../ui/Badge';
import { Timestamp } from '../../ui/Timestamp';
import { CaseSection } from './CaseSection';
import { DecisionReasons } from './DecisionReasons';
import { actionLabel } from './decision-actions';

/** Decisions already recorded on this case (after an escalation, or a rejected suspension). */
export function DecisionHistory({ decisions }: { decisions: Decision[] }) {
  return (
    <CaseSection id="case-decisions" title="Decisions so far" count={decisions.length}>
      {decisions.length === 0 ? (
        <p className="case-muted">None yet.</p>
      ) : (
        <ol className="case-list">
          {decisions.map((decision) => (
            <li key={decision.id}>
              <p className="case-item-meta">
                <strong>{actionLabel(decision.action)}</strong>
                <span className="mono">{decision.policyCode}</span>
                <span>by {decision.decidedBy.username}</span>
                <Timestamp value={decision.decidedAt} />
                <ConfirmationBadge confirmation={decision.confirmation} />
                {decision.undoneAt && <Badge tone="neutral">Undone before it took effect</Badge>}
              </p>
              <DecisionReasons decision={decision} className="decision-rationale" />
              {decision.confirmation?.reason && (
                <p className="case-muted">
                  {decision.confirmation.by?.username ?? 'Supervisor'}: {decision.confirmation.reason}
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
    </CaseSection>
  );
}

export function ConfirmationBadge({ confirmation }: { confirmation: Decision['confirmation'] }) {
  if (!confirmation) return null;
  switch (confirmation.status) {
    case 'pending':
      return <Badge tone="accent">Awaiting confirmation</Badge>;
    case 'confirmed':
      return <Badge tone="success">Confirmed{confirmation.by ? ` by ${confirmation.by.username}` : ''}</Badge>;
    case 'rejected':
      return <Badge tone="danger">Rejected{confirmation.by ? ` by ${confirmation.by.username}` : ''}</Badge>;
  }
}

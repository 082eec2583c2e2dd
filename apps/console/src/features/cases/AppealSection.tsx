import type { CaseAppeal } from '@docket/contracts';
import { Link } from 'react-router';
import { Timestamp } from '../../ui/Timestamp';
import { accountPath } from '../finding/keys';
import { CaseSection } from './CaseSection';
import { DecisionReasons } from './DecisionReasons';
import { actionLabel } from './decision-actions';

const APPELLANTS: Record<CaseAppeal['appellant'], string> = {
  affected_user: 'the affected user',
  reporter: 'a reporter, against a decision not to act',
};

/** On an appeal case: who appeals, when, and the decision appealed against with what the user was told. */
export function AppealSection({ appeal }: { appeal: CaseAppeal }) {
  const original = appeal.originalDecision;
  return (
    <CaseSection id="case-appeal" title="Appeal">
      <p className="case-item-meta">
        <span>
          From {APPELLANTS[appeal.appellant]} (
          <Link to={accountPath(appeal.accountId)} className="mono">
            {appeal.accountId}
          </Link>
          ), filed <Timestamp value={appeal.submittedAt} />
        </span>
      </p>
      <h3>Decision appealed against</h3>
      <p className="case-item-meta">
        <strong>{actionLabel(original.action)}</strong>
        <span className="mono">{original.policyCode}</span>
        <span>by {original.decidedBy.username}</span>
        <Timestamp value={original.decidedAt} />
      </p>
      <DecisionReasons decision={original} className="decision-rationale" />
    </CaseSection>
  );
}

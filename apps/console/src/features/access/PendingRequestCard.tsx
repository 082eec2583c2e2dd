import type { PendingAccessRequest } from '@docket/contracts';
import { Button } from '../../ui/Button';
import { Timestamp } from '../../ui/Timestamp';
import { useNow } from '../../ui/use-now';
import { CaseSummaryMeta } from '../cases/CaseSummaryMeta';
import { caseRef } from '../cases/case-ref';
import { SignOffEvidence } from '../cases/SignOffEvidence';
import { formatDue } from '../queues/durations';
import { formatMinutes, JUSTIFICATION_LABELS, scopeLabel } from './access-format';

export type RequestAction = 'approve' | 'deny';

export interface PendingRequestCardProps {
  request: PendingAccessRequest;
  queueName: string;
  /** The viewer filed this request: they may not be the one to decide it. */
  isOwn: boolean;
  onAction: (action: RequestAction, request: PendingAccessRequest) => void;
}

/** One request, with everything a supervisor needs to judge it. */
export function PendingRequestCard({ request, queueName, isOwn, onAction }: PendingRequestCardProps) {
  const now = useNow(30_000);
  const titleId = `request-${request.id}`;
  const summary = request.case;
  const history = request.requesterHistory;
  const ref = caseRef(summary.id);
  return (
    <li className="pending-card" aria-labelledby={titleId}>
      <div>
        <h2 id={titleId}>
          {request.requester.displayName} asks to read case <span className="mono">{ref}</span>
        </h2>
        <CaseSummaryMeta summary={summary} queueName={queueName}>
          <span>Priority {summary.priority}</span>
          <span>
            {summary.reportCount} report{summary.reportCount === 1 ? '' : 's'}
          </span>
        </CaseSummaryMeta>
        <dl className="access-facts">
          <div>
            <dt>Requester</dt>
            <dd>
              {request.requester.displayName} <span className="case-muted">({request.requester.username})</span>
            </dd>
          </div>
          <div>
            <dt>Last 30 days</dt>
            <dd>
              {history.made} made · {history.approved} approved · {history.denied} denied
            </dd>
          </div>
          <div>
            <dt>Code</dt>
            <dd>{JUSTIFICATION_LABELS[request.justificationCode].label}</dd>
          </div>
          <div>
            <dt>Scope</dt>
            <dd>{scopeLabel(request.scope)}</dd>
          </div>
          <div>
            <dt>Duration</dt>
            <dd>{formatMinutes(request.requestedMinutes)}</dd>
          </div>
          <div>
            <dt>Filed</dt>
            <dd>
              <Timestamp value={request.createdAt} />; lapses {formatDue(Date.parse(request.pendingUntil) - now)}
            </dd>
          </div>
        </dl>
      </div>
      <div className="pending-actions">
        <Button
          variant="primary"
          size="sm"
          isDisabled={isOwn}
          aria-label={`Approve ${request.requester.username}'s request on ${ref}…`}
          onPress={() => onAction('approve', request)}
        >
          Approve…
        </Button>
        <Button
          size="sm"
          isDisabled={isOwn}
          aria-label={`Deny ${request.requester.username}'s request on ${ref}…`}
          onPress={() => onAction('deny', request)}
        >
          Deny…
        </Button>
      </div>
      <p className="pending-rationale">{request.justification}</p>
      <SignOffEvidence caseId={summary.id} />
      {request.previousRevocation && (
        <p className="pending-own" role="note">
          {request.requester.displayName}'s access to this case was revoked by{' '}
          {request.previousRevocation.revokedBy.displayName} on{' '}
          <Timestamp value={request.previousRevocation.revokedAt} />:{' '}
          {request.previousRevocation.reason ?? 'no reason was given.'}
        </p>
      )}
      {isOwn && (
        <p className="pending-own">
          This is your own request, so another supervisor must decide it: nobody approves their own access, whatever
          roles they hold.
        </p>
      )}
    </li>
  );
}

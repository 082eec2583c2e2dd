import type { GrantReview } from '@docket/contracts';
import { Link } from 'react-router';
import { Badge } from '../../ui/Badge';
import { Timestamp } from '../../ui/Timestamp';
import { formatAge } from '../queues/durations';

export function scopeLabel(scope: GrantReview['scope']): string {
  if (scope.kind === 'full_conversation') return 'Full conversation';
  if (scope.kind === 'reported_context') return `Reported messages ± ${scope.context}`;
  return `Messages sent ${new Date(scope.from).toLocaleString()} – ${new Date(scope.to).toLocaleString()}`;
}

export function GrantStatus({ grant }: { grant: GrantReview }) {
  if (grant.status === 'live') return <Badge tone="accent">live</Badge>;
  if (grant.status === 'revoked') return <Badge tone="danger">revoked</Badge>;
  if (grant.status === 'ended')
    return <Badge>ended{grant.endReason ? `: ${grant.endReason.replace('_', ' ')}` : ''}</Badge>;
  return <Badge>expired</Badge>;
}

/** Why a grant existed, who allowed it, and what came of it: the facts an access review weighs. */
export function GrantSummary({ grant }: { grant: GrantReview }) {
  const minutes = Math.round((Date.parse(grant.expiresAt) - Date.parse(grant.startsAt)) / 60_000);
  return (
    <dl className="audit-facts">
      <div>
        <dt>Grantee</dt>
        <dd className="mono">{grant.grantee.username}</dd>
      </div>
      <div>
        <dt>Allowed by</dt>
        <dd>
          {grant.breakGlass ? (
            <Badge tone="danger">break-glass (self-granted)</Badge>
          ) : (
            <span className="mono">{grant.approver?.username ?? '—'}</span>
          )}
        </dd>
      </div>
      <div>
        <dt>Justification</dt>
        <dd>
          {grant.justificationCode && <span className="mono">{grant.justificationCode} </span>}
          {grant.justification}
        </dd>
      </div>
      <div>
        <dt>Scope</dt>
        <dd>{scopeLabel(grant.scope)}</dd>
      </div>
      <div>
        <dt>Window</dt>
        <dd>
          <Timestamp value={grant.startsAt} /> – <Timestamp value={grant.revokedAt ?? grant.expiresAt} />{' '}
          <span className="audit-muted">
            ({formatAge(minutes * 60_000)} granted
            {grant.requestedMinutes && grant.requestedMinutes !== minutes
              ? `, ${formatAge(grant.requestedMinutes * 60_000)} asked`
              : ''}
            )
          </span>{' '}
          <GrantStatus grant={grant} />
        </dd>
      </div>
      <div>
        <dt>Read</dt>
        <dd>
          {grant.reads} {grant.reads === 1 ? 'read' : 'reads'}, {grant.messagesRead} distinct{' '}
          {grant.messagesRead === 1 ? 'message' : 'messages'}
        </dd>
      </div>
      <div>
        <dt>Decisions</dt>
        <dd>
          {grant.decisions.length === 0
            ? 'None under this grant'
            : grant.decisions.map((d) => (
                <span key={d.id} className="audit-decision">
                  <span className="mono">{d.action}</span> ({d.policyCode}) by{' '}
                  <span className="mono">{d.by.username}</span>
                </span>
              ))}
        </dd>
      </div>
      {grant.breakGlass && (
        <div>
          <dt>Break-glass review</dt>
          <dd>
            {grant.breakGlassReview ? (
              <>
                <Badge tone={grant.breakGlassReview.outcome === 'justified' ? 'success' : 'danger'}>
                  {grant.breakGlassReview.outcome}
                </Badge>{' '}
                by <span className="mono">{grant.breakGlassReview.by.username}</span>
                {grant.breakGlassReview.note && <> — {grant.breakGlassReview.note}</>}
              </>
            ) : (
              <Badge>awaiting review</Badge>
            )}
          </dd>
        </div>
      )}
      <div>
        <dt>Case</dt>
        <dd className="mono">
          <Link to={`/audit?caseId=${grant.caseId}`}>{grant.caseId}</Link>
        </dd>
      </div>
    </dl>
  );
}

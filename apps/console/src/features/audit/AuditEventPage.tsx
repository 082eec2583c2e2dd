import type { AuditEvent } from '@docket/contracts';
import { Link, useParams } from 'react-router';
import { Panel } from '../../ui/PageHeader';
import { Timestamp } from '../../ui/Timestamp';
import { useAuditEvent } from './audit-event-query';
import { ActorName, OutcomeBadge, SealState } from './event-parts';

/** `/audit/events/:id`: every recorded fact of one event, and where to look next. */
export function AuditEventPage() {
  const { eventId = '' } = useParams();
  const { data: event } = useAuditEvent(eventId);
  return (
    <Panel>
      <div className="audit-detail">
        <h2 className="audit-detail-title">
          <span className="mono">{event.action}</span> <OutcomeBadge outcome={event.outcome} />
        </h2>
        <EventFacts event={event} />
        <h3>Details</h3>
        <pre className="audit-json">{JSON.stringify(event.details, null, 2)}</pre>
        <p className="audit-links">
          <Link to="/audit">All events</Link>
          {event.actor.id && (
            <Link to={`/audit?actor=${encodeURIComponent(event.actor.id)}`}>Everything by this actor</Link>
          )}
          {event.caseId && <Link to={`/audit?caseId=${event.caseId}`}>Everything about this case</Link>}
          {event.grantId && <Link to={`/audit/grants/${event.grantId}`}>Trace this grant</Link>}
          {event.requestId && (
            <span className="audit-muted">
              Request <code>{event.requestId}</code>
            </span>
          )}
        </p>
      </div>
    </Panel>
  );
}

export function EventFacts({ event }: { event: AuditEvent }) {
  return (
    <dl className="audit-facts">
      <div>
        <dt>Event</dt>
        <dd className="mono">{event.id}</dd>
      </div>
      <div>
        <dt>Sequence</dt>
        <dd className="mono">
          <SealState seq={event.seq} />
        </dd>
      </div>
      <div>
        <dt>Time</dt>
        <dd>
          <Timestamp value={event.occurredAt} /> <span className="audit-muted mono">{event.occurredAt}</span>
        </dd>
      </div>
      <div>
        <dt>Actor</dt>
        <dd>
          <ActorName actor={event.actor} />
          {event.actor.roles.length > 0 && <span className="audit-muted"> · {event.actor.roles.join(', ')}</span>}
        </dd>
      </div>
      <div>
        <dt>Target</dt>
        <dd className="mono">{event.target ? `${event.target.type} ${event.target.id}` : '—'}</dd>
      </div>
      <div>
        <dt>Case</dt>
        <dd className="mono">{event.caseId ?? '—'}</dd>
      </div>
      <div>
        <dt>Grant</dt>
        <dd className="mono">{event.grantId ?? '—'}</dd>
      </div>
      <div>
        <dt>From</dt>
        <dd>
          <span className="mono">{event.ip ?? '—'}</span>
          {event.userAgent && <span className="audit-muted"> · {event.userAgent}</span>}
        </dd>
      </div>
    </dl>
  );
}

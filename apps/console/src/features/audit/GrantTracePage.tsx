import { Link, useParams } from 'react-router';
import { Panel } from '../../ui/PageHeader';
import { Timestamp } from '../../ui/Timestamp';
import { ActorName, OutcomeBadge, SealState } from './event-parts';
import { GrantSummary } from './GrantSummary';
import { useGrantTrace } from './grant-trace-query';

/** `/audit/grants/:grantId`: one grant from request through approval and every read to the decision. */
export function GrantTracePage() {
  const { grantId = '' } = useParams();
  const { data: trace } = useGrantTrace(grantId);
  return (
    <>
      <Panel>
        <div className="audit-detail">
          <h2 className="audit-detail-title">
            Grant <span className="mono">{trace.grant.grantId}</span>
          </h2>
          <GrantSummary grant={trace.grant} />
        </div>
      </Panel>
      <Panel>
        <ol className="audit-trail" aria-label="The grant's trail">
          {trace.events.map((event) => {
            const ids = event.details.messageIds;
            return (
              <li key={event.id} className="audit-trail-step">
                <p className="audit-trail-head">
                  <Link to={`/audit/events/${event.id}`} className="mono">
                    {event.action}
                  </Link>{' '}
                  <OutcomeBadge outcome={event.outcome} /> <ActorName actor={event.actor} /> ·{' '}
                  <Timestamp value={event.occurredAt} /> · seq <SealState seq={event.seq} />
                </p>
                {Array.isArray(ids) && (
                  <p className="audit-trail-ids">
                    {ids.length} {ids.length === 1 ? 'message' : 'messages'}:{' '}
                    <span className="mono">{ids.join(', ') || 'none'}</span>
                  </p>
                )}
              </li>
            );
          })}
        </ol>
      </Panel>
    </>
  );
}

import { isApiError, networkError } from '../../api/api-error';
import { ErrorAlert } from '../../ui/Alert';
import { PageHeader, Panel } from '../../ui/PageHeader';
import { QueueTable } from './QueueTable';
import { QUEUE_REFRESH_MS, useQueueSummaries } from './queue-summary-query';
import './queues.css';

const clock = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** Read-only for now: claiming the next case arrives with the cases feature. */
export function QueuesPage() {
  const summaries = useQueueSummaries();
  const { asOf, items } = summaries.data;
  // A failed refresh keeps the last numbers on screen; say how old they are.
  const refreshError = summaries.isRefetchError
    ? isApiError(summaries.error)
      ? summaries.error
      : networkError()
    : null;

  return (
    <div className="page">
      <PageHeader
        title="Queues"
        description="Open cases per queue, the oldest waiting case, and cases past their SLA."
        actions={<LastUpdated asOf={asOf} isStale={refreshError !== null} />}
      />
      {refreshError && (
        <ErrorAlert
          error={refreshError}
          title={`Could not refresh the queues. These counts are from ${clock.format(new Date(asOf))}; Docket keeps trying.`}
        />
      )}
      <Panel>
        <QueueTable items={items} asOf={asOf} />
      </Panel>
    </div>
  );
}

/** Not a live region: announcing the time every ten seconds would drown everything else out. */
function LastUpdated({ asOf, isStale }: { asOf: string; isStale: boolean }) {
  return (
    <p className="queues-updated" data-stale={isStale || undefined}>
      <span className="queues-updated-dot" aria-hidden="true" />
      <span>
        Updated <time dateTime={asOf}>{clock.format(new Date(asOf))}</time>
      </span>
      <span className="queues-updated-interval">· refreshes every {QUEUE_REFRESH_MS / 1000} s</span>
    </p>
  );
}

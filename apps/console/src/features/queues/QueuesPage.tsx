import type { QueueSummary } from '@docket/contracts';
import { useRef } from 'react';
import { Link } from 'react-router';
import { isApiError, networkError } from '../../api/api-error';
import { ErrorAlert } from '../../ui/Alert';
import { PageHeader, Panel } from '../../ui/PageHeader';
import { StatusMessage } from '../../ui/StatusMessage';
import { useHotkeys } from '../../ui/use-hotkeys';
import { useRouteNotice } from '../../ui/use-route-notice';
import { hasPermission } from '../auth/permissions';
import { useSession } from '../auth/session-query';
import { ShortcutsDialog } from '../cases/ShortcutsDialog';
import { useOpenNextCase } from '../cases/use-open-next-case';
import { findPath } from '../finding/keys';
import { roleLabel } from '../staff/roles';
import { QueueTable } from './QueueTable';
import { QUEUE_REFRESH_MS, useQueueSummaries } from './queue-summary-query';
import './queues.css';

const clock = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** The row of the queue that has focus (the row itself or a button in it), if any. */
function focusedQueueRow(): HTMLElement | null {
  return document.activeElement?.closest<HTMLElement>('[data-queue-id]') ?? null;
}

/**
 * Where reviewers start: every queue's counts, and "Start reviewing" to claim the next case.
 * From the keyboard: j/k (or the arrows) move between queues, Enter or c claims.
 */
export function QueuesPage() {
  const summaries = useQueueSummaries();
  const { asOf, items } = summaries.data;
  const session = useSession();
  const { openNext, claim } = useOpenNextCase();
  const [notice, setNotice] = useRouteNotice();
  const tableRef = useRef<HTMLDivElement>(null);
  // A failed refresh keeps the last numbers on screen; say how old they are.
  const refreshError = summaries.isRefetchError
    ? isApiError(summaries.error)
      ? summaries.error
      : networkError()
    : null;

  const mayClaim = hasPermission(session, 'claim:case');
  const mayFindCases = hasPermission(session, 'read:case');
  const canClaim = (queue: QueueSummary) => session.user.roles.includes(queue.requiredRole);

  function startReviewing(queue: QueueSummary) {
    if (claim.isPending) return;
    setNotice(null);
    openNext({ queueId: queue.id }, { onEmpty: () => setNotice(`Nothing to review in ${queue.name} right now.`) });
  }

  function moveFocus(step: 1 | -1) {
    const rows = [...(tableRef.current?.querySelectorAll<HTMLElement>('[role=row][data-queue-id]') ?? [])];
    const current = focusedQueueRow();
    const index = current ? rows.indexOf(current) : -1;
    const next =
      index === -1 ? rows.at(step === 1 ? 0 : -1) : rows[Math.min(Math.max(index + step, 0), rows.length - 1)];
    next?.focus();
  }

  function claimFocused() {
    const queue = items.find((item) => item.id === focusedQueueRow()?.dataset.queueId);
    if (!queue || !mayClaim) return false;
    if (canClaim(queue)) startReviewing(queue);
    else setNotice(`${queue.name} is worked by ${roleLabel(queue.requiredRole).toLowerCase()}s.`);
  }

  useHotkeys({
    j: () => moveFocus(1),
    k: () => moveFocus(-1),
    // Inside the table the grid moves focus itself; from elsewhere the arrows step into it.
    ArrowDown: () => (focusedQueueRow() ? false : moveFocus(1)),
    ArrowUp: () => (focusedQueueRow() ? false : moveFocus(-1)),
    c: claimFocused,
    Enter: (event) => (event.target instanceof HTMLElement && event.target.dataset.queueId ? claimFocused() : false),
  });

  const claimError = isApiError(claim.error) ? claim.error : claim.isError ? networkError() : null;

  return (
    <div className="page">
      <PageHeader
        title="Queues"
        description="Open cases per queue, how many are being reviewed, the oldest waiting case, and cases past their SLA."
        actions={
          <>
            <LastUpdated asOf={asOf} isStale={refreshError !== null} />
            {mayFindCases && (
              <Link to="/cases" className="btn btn-secondary btn-sm">
                Find cases
              </Link>
            )}
            {mayClaim && <ShortcutsDialog />}
          </>
        }
      />
      {refreshError && (
        <ErrorAlert
          error={refreshError}
          title={`Could not refresh the queues. These counts are from ${clock.format(new Date(asOf))}; Docket keeps trying.`}
        />
      )}
      <StatusMessage message={notice} onDismiss={() => setNotice(null)} />
      {claimError && <ErrorAlert error={claimError} title="Could not claim a case" />}
      <Panel>
        <div ref={tableRef}>
          <QueueTable
            items={items}
            casesPath={mayFindCases ? (queue) => findPath({ queueId: queue.id, status: 'open' }) : undefined}
            asOf={asOf}
            canClaim={mayClaim ? canClaim : undefined}
            onClaim={startReviewing}
            claimingId={claim.isPending ? claim.variables.queueId : null}
          />
        </div>
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

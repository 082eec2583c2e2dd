import type { AccessLiveEvent } from '@docket/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { hasPermission, usePermittedQuery } from '../auth/permissions';
import { useSession } from '../auth/session-query';
import { caseRef } from '../cases/case-ref';
import { accessKeys } from './keys';
import { pendingRequestsQuery } from './pending-requests-query';
import { useAccessEvents } from './use-access-events';
import './access.css';

interface Notice {
  id: string;
  caseId: string;
}

const MAX_NOTICES = 5;

/**
 * Keeps every access screen current from the live stream, anywhere in the console: a person's
 * own request and grant states, and for supervisors the inbox, the grants and the review list.
 * Supervisors also get a notice for each break-glass use, until they dismiss it.
 */
export function AccessLive() {
  const session = useSession();
  const queryClient = useQueryClient();
  const supervises = hasPermission(session, 'approve:access');
  const [notices, setNotices] = useState<Notice[]>([]);

  useAccessEvents(
    (event: AccessLiveEvent) => {
      if (event.staffId === session.user.id) {
        void queryClient.invalidateQueries({ queryKey: accessKeys.caseAccess(event.caseId) });
      }
      if (!supervises) return;
      void queryClient.invalidateQueries({ queryKey: accessKeys.inbox() });
      if (event.type === 'access.break_glass' && event.grantId && event.staffId !== session.user.id) {
        const notice = { id: event.grantId, caseId: event.caseId };
        setNotices((current) => [notice, ...current.filter((each) => each.id !== notice.id)].slice(0, MAX_NOTICES));
      }
      if (event.type === 'access.break_glass_reviewed') {
        setNotices((current) => current.filter((each) => each.id !== event.grantId));
      }
    },
    () => {
      void queryClient.invalidateQueries({ queryKey: accessKeys.cases() });
      if (supervises) void queryClient.invalidateQueries({ queryKey: accessKeys.inbox() });
    },
  );

  if (!supervises) return null;
  return (
    <section className="access-notices" aria-label="Access notifications">
      <ul aria-live="polite" aria-relevant="additions">
        {notices.map((notice) => (
          <li key={notice.id} className="access-notice">
            <span>
              <strong>Break-glass used</strong> on case <span className="mono">{caseRef(notice.caseId)}</span>. It waits
              for a supervisor's review.
            </span>
            <Link to="/access/break-glass">Review</Link>
            <button
              type="button"
              className="access-notice-dismiss"
              aria-label={`Dismiss the break-glass notice for case ${caseRef(notice.caseId)}`}
              onClick={() => setNotices((current) => current.filter((each) => each.id !== notice.id))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The number of pending requests, beside the navigation item; kept current by AccessLive. */
export function PendingRequestsBadge() {
  const pending = usePermittedQuery(pendingRequestsQuery());
  const count = pending.data?.items.length ?? 0;
  if (count === 0) return null;
  return (
    <span className="nav-count">
      {count}
      <span className="visually-hidden"> pending</span>
    </span>
  );
}

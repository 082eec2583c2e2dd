import { useInfiniteQuery } from '@tanstack/react-query';
import { NavLink, Outlet } from 'react-router';
import { PageHeader } from '../../ui/PageHeader';
import '../../ui/tabs.css';
import { pendingConfirmationsQuery } from './pending-confirmations-query';
import './supervision.css';

/** The supervisors' section: who holds what right now, and decisions waiting for a second pair of eyes. */
export function SupervisionPage() {
  // Not suspending: the count is a courtesy, and the held-cases tab must not wait for it.
  const pending = useInfiniteQuery(pendingConfirmationsQuery());
  const loaded = pending.data?.pages.reduce((count, page) => count + page.items.length, 0);
  // "50+" when there are more pages than loaded: the tab shows how many wait, not a guess.
  const pendingCount = loaded === undefined ? undefined : pending.hasNextPage ? `${loaded}+` : loaded;

  return (
    <div className="page">
      <PageHeader
        title="Supervision"
        description="Cases held by reviewers right now, and suspensions and referrals awaiting a second supervisor."
      />
      <nav aria-label="Supervision" className="tabs">
        <NavLink to="/supervision" end className="tab">
          Cases held now
        </NavLink>
        <NavLink to="/supervision/confirmations" className="tab">
          Awaiting confirmation
          {pendingCount !== undefined && pendingCount !== 0 && <span className="tab-count">{pendingCount}</span>}
        </NavLink>
      </nav>
      <Outlet />
    </div>
  );
}

import { NavLink, Outlet } from 'react-router';
import { PageHeader } from '../../ui/PageHeader';
import { useCan, usePermittedQuery } from '../auth/permissions';
import { activeGrantsQuery } from './active-grants-query';
import { breakGlassQuery } from './break-glass-query';
import { pendingRequestsQuery } from './pending-requests-query';
import '../supervision/supervision.css';
import './access.css';

/** `/access`: the supervisors' side of time-limited access, kept current by live events. */
export function AccessPage() {
  const canRevoke = useCan('revoke:access');
  const canReview = useCan('review:break_glass');
  // Not suspending: the counts are a courtesy and must not hold up the open tab.
  const pending = usePermittedQuery(pendingRequestsQuery());
  const grants = usePermittedQuery(activeGrantsQuery());
  const breakGlass = usePermittedQuery(breakGlassQuery());
  return (
    <div className="page">
      <PageHeader
        title="Access requests"
        description="Reviewers' requests to read conversations, the grants live now, and break-glass uses awaiting review."
      />
      <nav aria-label="Access" className="tabs">
        <NavLink to="/access" end className="tab">
          Pending requests <TabCount count={pending.data?.items.length} />
        </NavLink>
        {canRevoke && (
          <NavLink to="/access/grants" className="tab">
            Active grants <TabCount count={grants.data?.items.length} />
          </NavLink>
        )}
        {canReview && (
          <NavLink to="/access/break-glass" className="tab">
            Break-glass review <TabCount count={breakGlass.data?.items.length} />
          </NavLink>
        )}
      </nav>
      <Outlet />
    </div>
  );
}

function TabCount({ count }: { count: number | undefined }) {
  return count ? <span className="tab-count">{count}</span> : null;
}

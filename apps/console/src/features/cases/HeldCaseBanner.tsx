import { Link, useLocation } from 'react-router';
import { Button } from '../../ui/Button';
import { usePermittedQuery } from '../auth/permissions';
import { categoryLabel } from '../queues/categories';
import { caseRef } from './case-ref';
import { heldByMeQuery } from './held-by-me-query';
import { casePath } from './keys';
import { useReleaseCase } from './release-case-mutation';
import './held-case-banner.css';

/**
 * On every page but the case itself: the cases I hold (their leases run while I am elsewhere),
 * each to go back to or give back to its queue.
 */
export function HeldCaseBanner() {
  const { data } = usePermittedQuery(heldByMeQuery());
  const { pathname } = useLocation();
  const release = useReleaseCase();
  const held = data?.items.filter((summary) => pathname !== casePath(summary.id)) ?? [];
  if (held.length === 0) return null;
  return (
    <section className="held-banner" aria-label="Cases you hold">
      <p>
        {held.length === 1 ? 'You hold a case' : `You hold ${held.length} cases`}; a hold runs out while you are away.
      </p>
      <ul className="held-banner-cases">
        {held.map((summary) => {
          const ref = caseRef(summary.id);
          return (
            <li key={summary.id}>
              <span>
                Case <span className="mono">{ref}</span> ({categoryLabel(summary.category)})
              </span>
              <Link to={casePath(summary.id)} className="btn btn-primary btn-sm">
                Resume case {ref}
              </Link>
              <Button
                size="sm"
                onPress={() => release.mutate(summary.id)}
                isPending={release.isPending && release.variables === summary.id}
              >
                Release case {ref}
              </Button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

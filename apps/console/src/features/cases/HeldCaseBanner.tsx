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
 * On every page but the case itself: the case I hold (its lease runs while I am elsewhere), to
 * go back to it or give it back to its queue.
 */
export function HeldCaseBanner() {
  const { data } = usePermittedQuery(heldByMeQuery());
  const { pathname } = useLocation();
  const release = useReleaseCase();
  const held = data?.items.find((summary) => pathname !== casePath(summary.id));
  if (!held) return null;
  const ref = caseRef(held.id);
  return (
    <section className="held-banner" aria-label="Case you hold">
      <p>
        You hold case <span className="mono">{ref}</span> ({categoryLabel(held.category)}). Its hold runs out if you
        leave it.
      </p>
      <div className="held-banner-actions">
        <Link to={casePath(held.id)} className="btn btn-primary btn-sm">
          Resume case {ref}
        </Link>
        <Button size="sm" onPress={() => release.mutate(held.id)} isPending={release.isPending}>
          Release case {ref}
        </Button>
      </div>
    </section>
  );
}

import type { CaseSummary } from '@docket/contracts';
import { useNavigate } from 'react-router';
import { withNotice } from '../../ui/use-route-notice';
import { type ClaimNextVariables, useClaimNext } from './claim-next-mutation';
import { casePath } from './keys';

export interface OpenNextOptions {
  /** Shown on the next case's page. */
  notice?: string;
  /** Called instead of navigating when the queue has nothing to claim. */
  onEmpty: () => void;
  /** Replace the current history entry: a decided or skipped case is not somewhere to go back to. */
  replace?: boolean;
}

/**
 * Claims the next case of a queue and opens it. The case screen stays mounted while the next
 * case loads, and shows it the moment its data arrives (the route loader fetches it).
 */
export function useOpenNextCase() {
  const claim = useClaimNext();
  const navigate = useNavigate();

  function openNext(variables: ClaimNextVariables, { notice, onEmpty, replace = false }: OpenNextOptions) {
    claim.mutate(variables, {
      onSuccess: ({ case: next }: { case: CaseSummary | null }) => {
        if (!next) return onEmpty();
        void navigate(casePath(next.id), { replace, state: notice ? withNotice(notice) : null });
      },
    });
  }

  return { openNext, claim };
}

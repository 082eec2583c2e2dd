import type { CaseSummary, Decision } from '@docket/contracts';
import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { SUPERVISION_REFRESH_MS } from './held-cases-query';
import { supervisionKeys } from './keys';

export type PendingConfirmation = Decision & { case: CaseSummary };

export interface PendingConfirmationList {
  items: PendingConfirmation[];
}

export function fetchPendingConfirmations(signal?: AbortSignal): Promise<PendingConfirmationList> {
  return api.get<PendingConfirmationList>('/api/decisions/pending', { signal });
}

/** Suspensions and referrals waiting for a second supervisor; new ones appear by themselves. */
export const pendingConfirmationsQuery = () =>
  queryOptions({
    queryKey: supervisionKeys.pendingConfirmations(),
    queryFn: ({ signal }) => fetchPendingConfirmations(signal),
    refetchInterval: SUPERVISION_REFRESH_MS,
    staleTime: 5_000,
  });

export function usePendingConfirmations() {
  return useSuspenseQuery(pendingConfirmationsQuery());
}

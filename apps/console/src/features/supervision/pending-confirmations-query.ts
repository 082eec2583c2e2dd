import type { PendingConfirmationList } from '@docket/contracts';
import { infiniteQueryOptions, useSuspenseInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { SUPERVISION_REFRESH_MS } from './held-cases-query';
import { supervisionKeys } from './keys';

export type PendingConfirmation = PendingConfirmationList['items'][number];

export const PENDING_CONFIRMATIONS_PAGE_SIZE = 50;

export function fetchPendingConfirmations(
  cursor: string | null,
  signal?: AbortSignal,
): Promise<PendingConfirmationList> {
  return api.get<PendingConfirmationList>('/api/decisions/pending', {
    query: { cursor, limit: PENDING_CONFIRMATIONS_PAGE_SIZE },
    signal,
  });
}

/** Suspensions and referrals waiting for a second supervisor, in keyset pages; new ones appear by themselves. */
export const pendingConfirmationsQuery = () =>
  infiniteQueryOptions({
    queryKey: supervisionKeys.pendingConfirmations(),
    meta: { permission: 'manage:case' },
    queryFn: ({ pageParam, signal }) => fetchPendingConfirmations(pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    refetchInterval: SUPERVISION_REFRESH_MS,
    staleTime: 5_000,
  });

export function usePendingConfirmations() {
  return useSuspenseInfiniteQuery(pendingConfirmationsQuery());
}

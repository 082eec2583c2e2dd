import type { QueueSummaryList } from '@docket/contracts';
import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { queueKeys } from './keys';

export const QUEUE_REFRESH_MS = 10_000;

export function fetchQueueSummaries(signal?: AbortSignal): Promise<QueueSummaryList> {
  return api.get<QueueSummaryList>('/api/queues', { signal });
}

/**
 * Counts move as reports arrive and reviewers work, so the page polls while it is open and asks
 * again on return to the tab. The key never changes: a refresh keeps showing the previous
 * numbers until the new ones arrive, and a failed refresh keeps them too.
 */
export const queueSummaryQuery = () =>
  queryOptions({
    queryKey: queueKeys.summaries(),
    meta: { permission: 'read:queue' },
    queryFn: ({ signal }) => fetchQueueSummaries(signal),
    refetchInterval: QUEUE_REFRESH_MS,
    refetchOnWindowFocus: true,
    // Short, so focus and remount refresh; not zero, or the page would refetch what its loader just fetched.
    staleTime: 5_000,
  });

export function useQueueSummaries() {
  return useSuspenseQuery(queueSummaryQuery());
}

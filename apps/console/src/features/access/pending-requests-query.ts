import type { PendingAccessRequestList } from '@docket/contracts';
import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { accessKeys } from './keys';

export function fetchPendingRequests(signal?: AbortSignal): Promise<PendingAccessRequestList> {
  return api.get<PendingAccessRequestList>('/api/access/requests', { signal });
}

/** Pending requests, oldest first. Live events invalidate it (see AccessLive); nothing polls. */
export const pendingRequestsQuery = () =>
  queryOptions({
    queryKey: accessKeys.pending(),
    meta: { permission: 'approve:access' },
    queryFn: ({ signal }) => fetchPendingRequests(signal),
    staleTime: Infinity,
  });

export function usePendingRequests() {
  return useSuspenseQuery(pendingRequestsQuery()).data;
}

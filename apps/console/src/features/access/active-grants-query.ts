import type { AccessGrantList } from '@docket/contracts';
import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { accessKeys } from './keys';

export function fetchActiveGrants(signal?: AbortSignal): Promise<AccessGrantList> {
  return api.get<AccessGrantList>('/api/access/grants', { signal });
}

/** Grants live now, soonest to end first; live events invalidate it. */
export const activeGrantsQuery = () =>
  queryOptions({
    queryKey: accessKeys.grants(),
    meta: { permission: 'revoke:access' },
    queryFn: ({ signal }) => fetchActiveGrants(signal),
    staleTime: Infinity,
  });

export function useActiveGrants() {
  return useSuspenseQuery(activeGrantsQuery()).data;
}

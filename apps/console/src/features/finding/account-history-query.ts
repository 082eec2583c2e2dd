import type { AccountHistory } from '@docket/contracts';
import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { findingKeys } from './keys';

export function fetchAccountHistory(id: string, signal?: AbortSignal): Promise<AccountHistory> {
  return api.get<AccountHistory>(`/api/accounts/${encodeURIComponent(id)}`, { signal });
}

/** Each look-up is audited (`account.viewed`): read once per visit, not refreshed behind the viewer's back. */
export const accountHistoryQuery = (id: string) =>
  queryOptions({
    queryKey: findingKeys.account(id),
    meta: { permission: 'read:case' },
    queryFn: ({ signal }) => fetchAccountHistory(id, signal),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 15_000,
    refetchOnWindowFocus: false,
  });

export function useAccountHistory(id: string) {
  return useSuspenseQuery(accountHistoryQuery(id));
}

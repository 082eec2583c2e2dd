import type { CaseList } from '@docket/contracts';
import { infiniteQueryOptions, useSuspenseInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { supervisionKeys } from './keys';

export const HELD_CASES_PAGE_SIZE = 50;
export const SUPERVISION_REFRESH_MS = 15_000;

export function fetchHeldCases(cursor: string | null, signal?: AbortSignal): Promise<CaseList> {
  return api.get<CaseList>('/api/cases', {
    query: { held: 'true', cursor, limit: HELD_CASES_PAGE_SIZE },
    signal,
  });
}

/** Cases someone holds right now, in keyset pages; holds change by the minute, so it refreshes. */
export const heldCasesQuery = () =>
  infiniteQueryOptions({
    queryKey: supervisionKeys.heldCases(),
    meta: { permission: 'manage:case' },
    queryFn: ({ pageParam, signal }) => fetchHeldCases(pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    refetchInterval: SUPERVISION_REFRESH_MS,
    staleTime: 5_000,
  });

export function useHeldCases() {
  return useSuspenseInfiniteQuery(heldCasesQuery());
}

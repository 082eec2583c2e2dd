import type { CaseFindResult } from '@docket/contracts';
import { infiniteQueryOptions, useSuspenseInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { CaseFilters } from './find-filters';
import { findingKeys } from './keys';

export const FIND_PAGE_SIZE = 50;

export function fetchCases(filters: CaseFilters, cursor: string | null, signal?: AbortSignal) {
  return api.get<CaseFindResult>('/api/cases/find', { query: { ...filters, cursor, limit: FIND_PAGE_SIZE }, signal });
}

/** Keyset pages in the chosen order; "Load more" follows `nextCursor`. */
export const findCasesQuery = (filters: CaseFilters) =>
  infiniteQueryOptions({
    queryKey: findingKeys.cases(filters),
    meta: { permission: 'read:case' },
    queryFn: ({ pageParam, signal }) => fetchCases(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });

export function useFindCases(filters: CaseFilters) {
  return useSuspenseInfiniteQuery(findCasesQuery(filters));
}

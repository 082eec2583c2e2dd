import type { StaffList } from '@docket/contracts';
import { infiniteQueryOptions, useSuspenseInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { staffKeys } from './keys';

export const STAFF_PAGE_SIZE = 50;

export function fetchStaffPage(params: { q: string; cursor: string | null }, signal?: AbortSignal): Promise<StaffList> {
  return api.get<StaffList>('/api/staff', {
    query: { q: params.q, cursor: params.cursor, limit: STAFF_PAGE_SIZE },
    signal,
  });
}

/** Keyset pages ordered by username; "Load more" follows `nextCursor`. */
export const staffListQuery = (q: string) =>
  infiniteQueryOptions({
    queryKey: staffKeys.list({ q }),
    meta: { permission: 'read:staff' },
    queryFn: ({ pageParam, signal }) => fetchStaffPage({ q, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });

export function useStaffList(q: string) {
  return useSuspenseInfiniteQuery(staffListQuery(q));
}

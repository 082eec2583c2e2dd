import type { AccessGrantList } from '@docket/contracts';
import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { accessKeys } from './keys';

export function fetchUnreviewedBreakGlass(signal?: AbortSignal): Promise<AccessGrantList> {
  return api.get<AccessGrantList>('/api/access/break-glass', { signal });
}

/** Break-glass uses waiting for a review, oldest first; live events invalidate it. */
export const breakGlassQuery = () =>
  queryOptions({
    queryKey: accessKeys.breakGlass(),
    meta: { permission: 'review:break_glass' },
    queryFn: ({ signal }) => fetchUnreviewedBreakGlass(signal),
    staleTime: Infinity,
  });

export function useUnreviewedBreakGlass() {
  return useSuspenseQuery(breakGlassQuery()).data;
}

import type { HoldList } from '@docket/contracts';
import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { holdKeys } from './keys';

export function fetchHolds(signal?: AbortSignal): Promise<HoldList> {
  return api.get<HoldList>('/api/holds', { signal });
}

export const holdListQuery = () =>
  queryOptions({
    queryKey: holdKeys.list(),
    meta: { permission: 'read:legal' },
    queryFn: ({ signal }) => fetchHolds(signal),
  });

export function useHoldList() {
  return useSuspenseQuery(holdListQuery());
}

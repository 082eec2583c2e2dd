import type { TdbSubmissionPage } from '@docket/contracts';
import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { transparencyKeys } from './keys';

/** Submissions happen in the background: the open list asks again now and then. */
const REFRESH_MS = 5_000;

export function fetchTdbSubmissions(signal?: AbortSignal): Promise<TdbSubmissionPage> {
  return api.get<TdbSubmissionPage>('/api/transparency/statements', { signal, query: { limit: 100 } });
}

export const tdbSubmissionsQuery = () =>
  queryOptions({
    queryKey: transparencyKeys.submissions(),
    meta: { permission: 'read:transparency' },
    queryFn: ({ signal }) => fetchTdbSubmissions(signal),
    refetchInterval: REFRESH_MS,
  });

export function useTdbSubmissions() {
  return useSuspenseQuery(tdbSubmissionsQuery());
}

import type { CaseDetail } from '@docket/contracts';
import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { caseKeys } from './keys';

export function fetchCaseDetail(id: string, signal?: AbortSignal): Promise<CaseDetail> {
  return api.get<CaseDetail>(`/api/cases/${encodeURIComponent(id)}`, { signal });
}

/**
 * Read once per visit: every read of evidence is audited, and the holder is the only one who
 * changes the case, so nothing refreshes it behind the reviewer's back. The short gcTime is a
 * backstop; leaving the case removes it at once.
 */
export const caseDetailQuery = (id: string) =>
  queryOptions({
    queryKey: caseKeys.detail(id),
    meta: { permission: 'read:case' },
    queryFn: ({ signal }) => fetchCaseDetail(id, signal),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 15_000,
    refetchOnWindowFocus: false,
  });

export function useCaseDetail(id: string) {
  return useSuspenseQuery(caseDetailQuery(id));
}

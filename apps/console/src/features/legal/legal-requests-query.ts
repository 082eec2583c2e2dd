import type { LegalRequestSummary } from '@docket/contracts';
import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { legalKeys } from './keys';

export function fetchLegalRequests(signal?: AbortSignal): Promise<LegalRequestSummary[]> {
  return api.get<LegalRequestSummary[]>('/api/legal/requests', { signal });
}

export const legalRequestsQuery = () =>
  queryOptions({
    queryKey: legalKeys.requests(),
    meta: { permission: 'read:legal' },
    // Another officer moves a request on: every visit shows it as it stands.
    staleTime: 0,
    queryFn: ({ signal }) => fetchLegalRequests(signal),
  });

export function useLegalRequests() {
  return useSuspenseQuery(legalRequestsQuery());
}

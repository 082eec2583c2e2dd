import type { AuditEvent, LegalRequest } from '@docket/contracts';
import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { legalKeys } from './keys';

export function fetchLegalRequest(id: string, signal?: AbortSignal): Promise<LegalRequest> {
  return api.get<LegalRequest>(`/api/legal/requests/${encodeURIComponent(id)}`, { signal });
}

export const legalRequestQuery = (id: string) =>
  queryOptions({
    queryKey: legalKeys.request(id),
    meta: { permission: 'read:legal' },
    // Another officer moves a request on: every visit shows it as it stands.
    staleTime: 0,
    queryFn: ({ signal }) => fetchLegalRequest(id, signal),
  });

export function useLegalRequest(id: string) {
  return useSuspenseQuery(legalRequestQuery(id));
}

export function fetchLegalHistory(id: string, signal?: AbortSignal): Promise<AuditEvent[]> {
  return api.get<AuditEvent[]>(`/api/legal/requests/${encodeURIComponent(id)}/history`, { signal });
}

export const legalHistoryQuery = (id: string) =>
  queryOptions({
    queryKey: legalKeys.history(id),
    meta: { permission: 'read:legal' },
    // Another officer moves a request on: every visit shows it as it stands.
    staleTime: 0,
    queryFn: ({ signal }) => fetchLegalHistory(id, signal),
  });

export function useLegalHistory(id: string) {
  return useSuspenseQuery(legalHistoryQuery(id));
}

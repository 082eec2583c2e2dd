import type { AuditEventList } from '@docket/contracts';
import { infiniteQueryOptions, useSuspenseInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { AuditFilters } from './audit-filters';
import { auditKeys } from './keys';

export const AUDIT_PAGE_SIZE = 50;

export function fetchAuditEvents(filters: AuditFilters, cursor: string | null, signal?: AbortSignal) {
  return api.get<AuditEventList>('/api/audit/events', {
    query: { ...filters, cursor, limit: AUDIT_PAGE_SIZE },
    signal,
  });
}

/** Newest first, in keyset pages; "Load more" follows `nextCursor`. */
export const auditEventsQuery = (filters: AuditFilters) =>
  infiniteQueryOptions({
    queryKey: auditKeys.events(filters),
    meta: { permission: 'read:audit' },
    queryFn: ({ pageParam, signal }) => fetchAuditEvents(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });

export function useAuditEvents(filters: AuditFilters) {
  return useSuspenseInfiniteQuery(auditEventsQuery(filters));
}

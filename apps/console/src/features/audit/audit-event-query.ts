import type { AuditEvent } from '@docket/contracts';
import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { auditKeys } from './keys';

export const auditEventQuery = (id: string) =>
  queryOptions({
    queryKey: auditKeys.event(id),
    meta: { permission: 'read:audit' },
    queryFn: ({ signal }) => api.get<AuditEvent>(`/api/audit/events/${encodeURIComponent(id)}`, { signal }),
  });

export function useAuditEvent(id: string) {
  return useSuspenseQuery(auditEventQuery(id));
}

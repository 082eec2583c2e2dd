import type { AuditStatus } from '@docket/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { auditKeys } from './keys';

/** The chain's state: refreshed every ten seconds while an auditor looks at it. */
export const auditStatusQuery = () =>
  queryOptions({
    queryKey: auditKeys.status(),
    queryFn: ({ signal }) => api.get<AuditStatus>('/api/audit/status', { signal }),
    refetchInterval: 10_000,
  });

export function useAuditStatus() {
  return useQuery(auditStatusQuery());
}

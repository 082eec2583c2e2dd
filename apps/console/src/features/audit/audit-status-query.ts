import type { AuditStatus } from '@docket/contracts';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';
import { usePermittedQuery } from '../auth/permissions';
import { auditKeys } from './keys';

/** The chain's state: refreshed every ten seconds while an auditor looks at it. */
export const auditStatusQuery = () =>
  queryOptions({
    queryKey: auditKeys.status(),
    meta: { permission: 'read:audit' },
    queryFn: ({ signal }) => api.get<AuditStatus>('/api/audit/status', { signal }),
    refetchInterval: 10_000,
  });

export function useAuditStatus() {
  return usePermittedQuery(auditStatusQuery());
}

import type { GrantTrace } from '@docket/contracts';
import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { auditKeys } from './keys';

export const grantTraceQuery = (grantId: string) =>
  queryOptions({
    queryKey: auditKeys.trace(grantId),
    meta: { permission: 'read:audit' },
    queryFn: ({ signal }) => api.get<GrantTrace>(`/api/audit/grants/${encodeURIComponent(grantId)}/trace`, { signal }),
  });

export function useGrantTrace(grantId: string) {
  return useSuspenseQuery(grantTraceQuery(grantId));
}

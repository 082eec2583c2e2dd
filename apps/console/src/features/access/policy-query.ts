import type { AccessPolicy } from '@docket/contracts';
import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { accessKeys } from './keys';

export function fetchAccessPolicy(signal?: AbortSignal): Promise<AccessPolicy> {
  return api.get<AccessPolicy>('/api/access/policy', { signal });
}

/** The deployment's limits, from its configuration: they change only with a restart. */
export const accessPolicyQuery = () =>
  queryOptions({
    queryKey: accessKeys.policy(),
    meta: { permission: 'request:access' },
    queryFn: ({ signal }) => fetchAccessPolicy(signal),
    staleTime: Infinity,
  });

export function useAccessPolicy() {
  return useSuspenseQuery(accessPolicyQuery()).data;
}

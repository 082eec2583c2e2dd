import type { Policy } from '@docket/contracts';
import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { policyKeys } from './keys';

export interface PolicyList {
  items: Policy[];
}

export function fetchPolicies(signal?: AbortSignal): Promise<PolicyList> {
  return api.get<PolicyList>('/api/policies', { signal });
}

/** Active policies for people who decide; every policy, active or not, for admins. */
export const policyListQuery = () =>
  queryOptions({
    queryKey: policyKeys.lists(),
    queryFn: ({ signal }) => fetchPolicies(signal),
    // The catalog changes rarely; a decision against a just-retired code gets a clear 4xx.
    staleTime: 5 * 60_000,
  });

export function usePolicies() {
  return useSuspenseQuery(policyListQuery());
}

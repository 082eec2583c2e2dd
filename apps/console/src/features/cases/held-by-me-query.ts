import type { CaseList } from '@docket/contracts';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';
import { queueKeys } from '../queues/keys';

export function fetchHeldByMe(signal?: AbortSignal): Promise<CaseList> {
  return api.get<CaseList>('/api/cases/held-by-me', { signal });
}

/** Refreshed by every claim, release and decision (queue keys), and each minute as leases lapse. */
export const heldByMeQuery = () =>
  queryOptions({
    queryKey: queueKeys.heldByMe(),
    meta: { permission: 'claim:case' },
    queryFn: ({ signal }) => fetchHeldByMe(signal),
    refetchInterval: 60_000,
  });

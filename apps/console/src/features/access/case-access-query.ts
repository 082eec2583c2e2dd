import type { CaseAccess } from '@docket/contracts';
import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { accessKeys } from './keys';

export interface CaseAccessState extends CaseAccess {
  /** Server clock minus this browser's, when the answer arrived: countdowns run on the server's time. */
  skewMs: number;
}

export async function fetchCaseAccess(caseId: string, signal?: AbortSignal): Promise<CaseAccessState> {
  const access = await api.get<CaseAccess>(`/api/cases/${encodeURIComponent(caseId)}/access`, { signal });
  return { ...access, skewMs: Date.parse(access.now) - Date.now() };
}

/**
 * My request and live grant on a case: metadata only, so it is fetched afresh whenever a screen
 * shows it. Live events invalidate it while it is shown; nothing polls.
 */
export const caseAccessQuery = (caseId: string) =>
  queryOptions({
    queryKey: accessKeys.caseAccess(caseId),
    meta: { permission: 'request:access' },
    queryFn: ({ signal }) => fetchCaseAccess(caseId, signal),
    staleTime: 0,
  });

export function useCaseAccess(caseId: string) {
  return useSuspenseQuery(caseAccessQuery(caseId)).data;
}

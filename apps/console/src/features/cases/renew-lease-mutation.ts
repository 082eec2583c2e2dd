import type { CaseDetail, CaseSummary } from '@docket/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { caseKeys } from './keys';

/** Another 10 minutes on your hold of the case; 409 once you no longer hold it. */
export function renewLease(caseId: string): Promise<CaseSummary> {
  return api.post<CaseSummary>(`/api/cases/${encodeURIComponent(caseId)}/lease`);
}

export function useRenewLease() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: renewLease,
    onSuccess: (summary) =>
      queryClient.setQueryData<CaseDetail>(caseKeys.detail(summary.id), (detail) =>
        detail ? { ...detail, case: summary } : detail,
      ),
  });
}

import type { CaseDetail } from '@docket/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { caseKeys } from './keys';

/** Records (in the audit log) that the reviewer chose to look at blurred evidence. */
export function revealEvidence(caseId: string): Promise<void> {
  return api.post<void>(`/api/cases/${encodeURIComponent(caseId)}/evidence/reveal`);
}

export function useRevealEvidence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revealEvidence,
    // Unblurred only once the server has recorded the reveal.
    onSuccess: (_nothing, caseId) =>
      queryClient.setQueryData<CaseDetail>(caseKeys.detail(caseId), (detail) =>
        detail ? { ...detail, blurEvidence: false } : detail,
      ),
  });
}

import type { CaseSummary } from '@docket/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { queueKeys } from '../queues/keys';
import { supervisionKeys } from './keys';

/** Hands the case to someone with a fresh lease; the previous holder loses it at once. */
export function reassignCase({ caseId, assigneeId }: { caseId: string; assigneeId: string }): Promise<CaseSummary> {
  return api.post<CaseSummary>(`/api/cases/${encodeURIComponent(caseId)}/reassign`, { assigneeId });
}

export function useReassignCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: reassignCase,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: supervisionKeys.heldCases() });
      void queryClient.invalidateQueries({ queryKey: queueKeys.all });
    },
  });
}

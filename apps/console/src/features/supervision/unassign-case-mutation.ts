import type { CaseSummary } from '@docket/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { queueKeys } from '../queues/keys';
import { supervisionKeys } from './keys';

/** Takes the case from whoever holds it and puts it back in its queue. */
export function unassignCase(caseId: string): Promise<CaseSummary> {
  return api.post<CaseSummary>(`/api/cases/${encodeURIComponent(caseId)}/unassign`);
}

export function useUnassignCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: unassignCase,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: supervisionKeys.heldCases() });
      void queryClient.invalidateQueries({ queryKey: queueKeys.all });
    },
  });
}

import type { Decision } from '@docket/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { queueKeys } from '../queues/keys';
import { supervisionKeys } from './keys';

/** A second supervisor's no, with the reason: nothing takes effect and the case goes back to work. */
export function rejectDecision({ decisionId, reason }: { decisionId: string; reason: string }): Promise<Decision> {
  return api.post<Decision>(`/api/decisions/${encodeURIComponent(decisionId)}/reject`, { reason });
}

export function useRejectDecision() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: rejectDecision,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: supervisionKeys.pendingConfirmations() });
      void queryClient.invalidateQueries({ queryKey: queueKeys.all });
    },
  });
}

import type { Decision } from '@docket/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { supervisionKeys } from './keys';

/** A second supervisor's yes: the suspension or referral takes effect and the case is decided. */
export function confirmDecision({ decisionId, reason }: { decisionId: string; reason?: string }): Promise<Decision> {
  return api.post<Decision>(`/api/decisions/${encodeURIComponent(decisionId)}/confirm`, reason ? { reason } : {});
}

export function useConfirmDecision() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: confirmDecision,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: supervisionKeys.pendingConfirmations() }),
  });
}

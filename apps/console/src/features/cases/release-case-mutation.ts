import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { queueKeys } from '../queues/keys';

/** Gives the case back to its queue for someone else to claim. */
export function releaseCase(caseId: string): Promise<void> {
  return api.post<void>(`/api/cases/${encodeURIComponent(caseId)}/release`);
}

export function useReleaseCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: releaseCase,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queueKeys.all }),
  });
}

import type { ClaimResult } from '@docket/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { queueKeys } from '../queues/keys';

export interface ClaimNextVariables {
  queueId: string;
  /** A case you hold and are skipping: released, and not handed straight back. */
  skip?: string;
}

/** Idempotent: if you already hold a case in the queue, the server hands that one back. */
export function claimNextCase({ queueId, skip }: ClaimNextVariables): Promise<ClaimResult> {
  return api.post<ClaimResult>(`/api/queues/${encodeURIComponent(queueId)}/claim-next`, skip ? { skip } : {});
}

export function useClaimNext() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: claimNextCase,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queueKeys.all }),
  });
}

import type { AccessRequest, AccessScope } from '@docket/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { accessKeys } from './keys';

export interface ApproveInput {
  requestId: string;
  durationMinutes?: number;
  scope?: AccessScope;
}

export function approveAccessRequest({ requestId, ...changes }: ApproveInput) {
  return api.post<AccessRequest>(`/api/access/requests/${encodeURIComponent(requestId)}/approve`, changes);
}

export function useApproveAccessRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: approveAccessRequest,
    // Also on a 409: the request was decided or expired meanwhile, and the list should say so.
    onSettled: () => queryClient.invalidateQueries({ queryKey: accessKeys.inbox() }),
  });
}

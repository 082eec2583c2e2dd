import type { AccessRequest } from '@docket/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { accessKeys } from './keys';

export function denyAccessRequest({ requestId, reason }: { requestId: string; reason: string }) {
  return api.post<AccessRequest>(`/api/access/requests/${encodeURIComponent(requestId)}/deny`, { reason });
}

export function useDenyAccessRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: denyAccessRequest,
    onSettled: () => queryClient.invalidateQueries({ queryKey: accessKeys.pending() }),
  });
}

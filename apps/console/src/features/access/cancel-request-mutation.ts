import type { AccessRequest } from '@docket/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { accessKeys } from './keys';

export function cancelAccessRequest(requestId: string) {
  return api.post<AccessRequest>(`/api/access/requests/${encodeURIComponent(requestId)}/cancel`);
}

/** The requester withdraws a pending request; the case's access state follows. */
export function useCancelAccessRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: cancelAccessRequest,
    onSettled: (request) =>
      queryClient.invalidateQueries({ queryKey: request ? accessKeys.caseAccess(request.caseId) : accessKeys.cases() }),
  });
}

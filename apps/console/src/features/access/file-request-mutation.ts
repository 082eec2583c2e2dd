import type { AccessRequest, AccessRequestBody } from '@docket/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { accessKeys } from './keys';

export function fileAccessRequest({ caseId, body }: { caseId: string; body: AccessRequestBody }) {
  return api.post<AccessRequest>(`/api/cases/${encodeURIComponent(caseId)}/access-requests`, body);
}

export function useFileAccessRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fileAccessRequest,
    onSuccess: (_request, { caseId }) => queryClient.invalidateQueries({ queryKey: accessKeys.caseAccess(caseId) }),
  });
}

import type { LegalRequest, RecordLegalRequestBody } from '@docket/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { legalKeys } from './keys';

export function recordLegalRequest(body: RecordLegalRequestBody): Promise<LegalRequest> {
  return api.post<LegalRequest>('/api/legal/requests', body);
}

export function useRecordLegalRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: recordLegalRequest,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: legalKeys.requests() }),
  });
}

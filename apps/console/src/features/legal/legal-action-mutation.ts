/**
 * Every step on one request — a lifecycle step, a decision, an emergency review, a notice decision
 * — is a POST returning the request as it now stands; each refreshes the request, its history and
 * the list through the key factory.
 */
import type { LegalRequest } from '@docket/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { legalKeys } from './keys';

export type LegalAction = 'steps' | 'decision' | 'emergency-review' | 'notices';

export function postLegalAction(id: string, action: LegalAction, body: unknown): Promise<LegalRequest> {
  return api.post<LegalRequest>(`/api/legal/requests/${encodeURIComponent(id)}/${action}`, body);
}

export function useLegalAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, body }: { action: LegalAction; body: unknown }) => postLegalAction(id, action, body),
    onSuccess: (request) => {
      queryClient.setQueryData(legalKeys.request(id), request);
      void queryClient.invalidateQueries({ queryKey: legalKeys.history(id) });
      void queryClient.invalidateQueries({ queryKey: legalKeys.requests() });
    },
  });
}

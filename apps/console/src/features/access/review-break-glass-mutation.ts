import type { AccessGrant } from '@docket/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { accessKeys } from './keys';

export interface BreakGlassReviewInput {
  grantId: string;
  outcome: 'justified' | 'unjustified';
  note?: string;
}

export function reviewBreakGlass({ grantId, ...body }: BreakGlassReviewInput) {
  return api.post<AccessGrant>(`/api/access/break-glass/${encodeURIComponent(grantId)}/review`, body);
}

export function useReviewBreakGlass() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: reviewBreakGlass,
    onSettled: () => queryClient.invalidateQueries({ queryKey: accessKeys.breakGlass() }),
  });
}

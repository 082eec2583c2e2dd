import type { AccessGrant } from '@docket/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { accessKeys } from './keys';

export interface BreakGlassInput {
  caseId: string;
  justification: string;
  durationMinutes: number;
}

export function breakGlass({ caseId, ...body }: BreakGlassInput) {
  return api.post<AccessGrant>(`/api/cases/${encodeURIComponent(caseId)}/break-glass`, body);
}

/** Urgent cases only: the grant opens at once, flagged for a supervisor's review. */
export function useBreakGlass() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: breakGlass,
    onSuccess: (_grant, { caseId }) => queryClient.invalidateQueries({ queryKey: accessKeys.caseAccess(caseId) }),
  });
}

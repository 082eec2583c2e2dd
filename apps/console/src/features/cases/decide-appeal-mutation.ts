import type { AppealDecision, AppealOutcomeBody } from '@docket/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { queueKeys } from '../queues/keys';

export function decideAppeal({ caseId, body }: { caseId: string; body: AppealOutcomeBody }): Promise<AppealDecision> {
  return api.post<AppealDecision>(`/api/cases/${encodeURIComponent(caseId)}/appeal-outcome`, body);
}

export function useDecideAppeal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: decideAppeal,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queueKeys.all }),
  });
}

import type { DecideBody, Decision } from '@docket/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { queueKeys } from '../queues/keys';
import { supervisionKeys } from '../supervision/keys';

export function decideCase({ caseId, body }: { caseId: string; body: DecideBody }): Promise<Decision> {
  return api.post<Decision>(`/api/cases/${encodeURIComponent(caseId)}/decisions`, body);
}

export function useDecideCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: decideCase,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queueKeys.all });
      // Suspensions and referrals join the supervisors' list of decisions to confirm.
      void queryClient.invalidateQueries({ queryKey: supervisionKeys.all });
    },
  });
}

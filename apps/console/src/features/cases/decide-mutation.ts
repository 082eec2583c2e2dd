import type { DecideBody, Decision } from '@docket/contracts';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useRefreshAfterDeciding } from '../decisions/refresh';
import { offerUndo } from '../decisions/undo-offer';
import { caseRef } from './case-ref';
import { actionLabel } from './decision-actions';

export function decideCase({ caseId, body }: { caseId: string; body: DecideBody }): Promise<Decision> {
  return api.post<Decision>(`/api/cases/${encodeURIComponent(caseId)}/decisions`, body);
}

export function useDecideCase() {
  // Suspensions and referrals join the supervisors' list of decisions to confirm.
  const refresh = useRefreshAfterDeciding();
  return useMutation({
    mutationFn: decideCase,
    onSuccess: (decision) => {
      refresh();
      offerUndo({
        decisionIds: [decision.id],
        caseIds: [decision.caseId],
        summary: `Recorded “${actionLabel(decision.action)}” on case ${caseRef(decision.caseId)}`,
        decidedAt: decision.decidedAt,
        undoUntil: decision.undoUntil,
      });
    },
  });
}

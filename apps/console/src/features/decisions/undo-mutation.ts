import type { UndoResult } from '@docket/contracts';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useRefreshAfterDeciding } from './refresh';

export function undoDecisions(decisionIds: string[]): Promise<UndoResult> {
  return api.post<UndoResult>('/api/decisions/undo', { decisionIds });
}

export function useUndoDecisions() {
  const refresh = useRefreshAfterDeciding();
  return useMutation({ mutationFn: undoDecisions, onSuccess: refresh });
}

import type { BulkDecideBody, BulkPreview, BulkResult } from '@docket/contracts';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useRefreshAfterDeciding } from './refresh';

export function previewBulkDecision(body: BulkDecideBody): Promise<BulkPreview> {
  return api.post<BulkPreview>('/api/cases/bulk-decisions/preview', body);
}

export function decideInBulk(body: BulkDecideBody): Promise<BulkResult> {
  return api.post<BulkResult>('/api/cases/bulk-decisions', body);
}

/** A dry run: it changes nothing, so it refreshes nothing. */
export function usePreviewBulkDecision() {
  return useMutation({ mutationFn: previewBulkDecision });
}

export function useDecideInBulk() {
  const refresh = useRefreshAfterDeciding();
  return useMutation({ mutationFn: decideInBulk, onSuccess: refresh });
}

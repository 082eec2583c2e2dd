import type { AccessGrant } from '@docket/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { accessKeys } from './keys';

/** The reason, if given, is shown to whoever is asked to approve this person on this case again. */
export function revokeGrant({ grantId, reason }: { grantId: string; reason?: string | undefined }) {
  return api.post<AccessGrant>(`/api/access/grants/${encodeURIComponent(grantId)}/revoke`, reason ? { reason } : {});
}

/** Ends a grant now: the grantee's next read fails, and their screen drops the content at once. */
export function useRevokeGrant() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeGrant,
    onSettled: () => queryClient.invalidateQueries({ queryKey: accessKeys.grants() }),
  });
}

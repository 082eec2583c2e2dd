import type { AccessGrant } from '@docket/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { accessKeys } from './keys';

export function revokeGrant(grantId: string) {
  return api.post<AccessGrant>(`/api/access/grants/${encodeURIComponent(grantId)}/revoke`);
}

/** Ends a grant now: the grantee's next read fails, and their screen drops the content at once. */
export function useRevokeGrant() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeGrant,
    onSettled: () => queryClient.invalidateQueries({ queryKey: accessKeys.grants() }),
  });
}

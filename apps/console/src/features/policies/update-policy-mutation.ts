import type { Policy } from '@docket/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { policyKeys } from './keys';
import type { PolicyInput } from './policy-input';

/** Edits or (de)activates a policy; decisions that cited it keep the code they cited. */
export function updatePolicy({ code, changes }: { code: string; changes: PolicyInput }): Promise<Policy> {
  return api.patch<Policy>(`/api/policies/${encodeURIComponent(code)}`, changes);
}

export function useUpdatePolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updatePolicy,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: policyKeys.lists() }),
  });
}

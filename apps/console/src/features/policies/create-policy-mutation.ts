import type { Policy } from '@docket/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { policyKeys } from './keys';
import type { PolicyInput } from './policy-input';

export function createPolicy(body: PolicyInput & { code: string }): Promise<Policy> {
  return api.post<Policy>('/api/policies', body);
}

export function useCreatePolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createPolicy,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: policyKeys.lists() }),
  });
}

import type { CreateServiceAccountBody, ServiceAccountWithSecret } from '@docket/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { serviceAccountKeys } from './keys';

/** The response is the only time the secret ever leaves Docket. */
export function createServiceAccount(body: CreateServiceAccountBody): Promise<ServiceAccountWithSecret> {
  return api.post<ServiceAccountWithSecret>('/api/service-accounts', body);
}

export function useCreateServiceAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createServiceAccount,
    // The mutation's state holds the secret: drop it from the cache as soon as the form is gone.
    gcTime: 0,
    // Invalidate rather than write the response into the list, which must never carry a secret.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: serviceAccountKeys.lists() }),
  });
}

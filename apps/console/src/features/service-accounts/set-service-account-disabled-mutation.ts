import type { ServiceAccount, ServiceAccountList } from '@docket/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { serviceAccountKeys } from './keys';

/** Disabling refuses the account's signed requests from that moment; enabling accepts them again. */
export function setServiceAccountDisabled({
  id,
  disabled,
}: {
  id: string;
  disabled: boolean;
}): Promise<ServiceAccount> {
  const action = disabled ? 'disable' : 'enable';
  return api.post<ServiceAccount>(`/api/service-accounts/${encodeURIComponent(id)}/${action}`);
}

export function useSetServiceAccountDisabled() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setServiceAccountDisabled,
    onSuccess: (account) => {
      // Show the new status at once; the refetch then confirms it.
      queryClient.setQueryData<ServiceAccountList>(serviceAccountKeys.lists(), (list) =>
        list ? { items: list.items.map((item) => (item.id === account.id ? account : item)) } : list,
      );
      void queryClient.invalidateQueries({ queryKey: serviceAccountKeys.lists() });
    },
  });
}

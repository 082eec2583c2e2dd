import type { StaffUser } from '@docket/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { staffKeys } from './keys';

/** Disabling ends the account's sessions at once on the server; enabling lets it sign in again. */
export function setStaffDisabled({ id, disabled }: { id: string; disabled: boolean }): Promise<StaffUser> {
  return api.post<StaffUser>(`/api/staff/${encodeURIComponent(id)}/${disabled ? 'disable' : 'enable'}`);
}

export function useSetStaffDisabled() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setStaffDisabled,
    onSuccess: (user) => {
      queryClient.setQueryData(staffKeys.detail(user.id), user);
      void queryClient.invalidateQueries({ queryKey: staffKeys.lists() });
    },
  });
}

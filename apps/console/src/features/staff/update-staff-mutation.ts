import type { StaffUser, UpdateStaffBody } from '@docket/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { authKeys } from '../auth/keys';
import { staffKeys } from './keys';

export function updateStaff({ id, changes }: { id: string; changes: UpdateStaffBody }): Promise<StaffUser> {
  return api.patch<StaffUser>(`/api/staff/${encodeURIComponent(id)}`, changes);
}

export function useUpdateStaff() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateStaff,
    onSuccess: (user) => {
      queryClient.setQueryData(staffKeys.detail(user.id), user);
      void queryClient.invalidateQueries({ queryKey: staffKeys.lists() });
      // Your own display name shows in the header.
      void queryClient.invalidateQueries({ queryKey: authKeys.session() });
    },
  });
}

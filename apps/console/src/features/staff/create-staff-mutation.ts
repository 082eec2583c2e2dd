import type { CreatedStaff, CreateStaffBody } from '@docket/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { staffKeys } from './keys';

export function createStaff(body: CreateStaffBody): Promise<CreatedStaff> {
  return api.post<CreatedStaff>('/api/staff', body);
}

export function useCreateStaff() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createStaff,
    // The new account and its requested roles: the list, and the grants waiting for a second admin.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: staffKeys.all }),
  });
}

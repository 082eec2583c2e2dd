import type { CreateStaffBody, StaffUser } from '@docket/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { staffKeys } from './keys';

export function createStaff(body: CreateStaffBody): Promise<StaffUser> {
  return api.post<StaffUser>('/api/staff', body);
}

export function useCreateStaff() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createStaff,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: staffKeys.lists() }),
  });
}

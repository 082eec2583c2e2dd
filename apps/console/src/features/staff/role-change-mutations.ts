import type { RoleChange, StaffUser } from '@docket/contracts';
import type { Role } from '@docket/permissions';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { staffKeys } from './keys';

const staffPath = (id: string) => `/api/staff/${encodeURIComponent(id)}`;

/** Asks for a role for someone else; it waits for another admin. */
export function requestRole({ id, role }: { id: string; role: Role }): Promise<{ changeId: string }> {
  return api.post<{ changeId: string }>(`${staffPath(id)}/roles`, { role });
}

/** Removes a role at once. */
export function removeRole({ id, role }: { id: string; role: Role }): Promise<StaffUser> {
  return api.delete<StaffUser>(`${staffPath(id)}/roles/${role}`);
}

/** Confirms (the role takes effect) or rejects another admin's request. */
export function decideRoleChange({ id, outcome }: { id: string; outcome: 'confirm' | 'reject' }): Promise<RoleChange> {
  return api.post<RoleChange>(`/api/role-changes/${encodeURIComponent(id)}/${outcome}`);
}

/** Every role change alters the list's roles and the pending grants alike. */
function useStaffMutation<A, R>(mutationFn: (args: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: staffKeys.all }) });
}

export const useRequestRole = () => useStaffMutation(requestRole);
export const useRemoveRole = () => useStaffMutation(removeRole);
export const useDecideRoleChange = () => useStaffMutation(decideRoleChange);

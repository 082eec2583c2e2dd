import { useMutation } from '@tanstack/react-query';
import { api } from '../../api/client';

/** Sets a new password and ends the account's sessions; nothing listed changes, so no invalidation. */
export function setStaffPassword({ id, password }: { id: string; password: string }): Promise<void> {
  return api.post<void>(`/api/staff/${encodeURIComponent(id)}/password`, { password });
}

export function useSetStaffPassword() {
  return useMutation({ mutationFn: setStaffPassword });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { queueKeys } from './keys';
import type { QueueInput } from './queue-input';

/** Routing of new reports follows the new categories at once; cases already queued stay put. */
export function updateQueue({ id, changes }: { id: string; changes: QueueInput }): Promise<void> {
  return api.patch<void>(`/api/queues/${encodeURIComponent(id)}`, changes);
}

export function useUpdateQueue() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateQueue,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queueKeys.all }),
  });
}

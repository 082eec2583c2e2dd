import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { queueKeys } from './keys';
import type { QueueInput } from './queue-input';

export function createQueue(body: QueueInput & { id: string }): Promise<void> {
  return api.post<void>('/api/queues', body);
}

export function useCreateQueue() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createQueue,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queueKeys.all }),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { webhookKeys } from './keys';

/** Sends a delivered or dead-lettered event again, under the same webhook-id. */
export function redeliverWebhook({ deliveryId }: { deliveryId: string; endpointId: string }): Promise<void> {
  return api.post<void>(`/api/webhooks/deliveries/${encodeURIComponent(deliveryId)}/redeliver`);
}

export function useRedeliverWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: redeliverWebhook,
    onSuccess: (_done, { endpointId }) =>
      queryClient.invalidateQueries({ queryKey: webhookKeys.deliveries(endpointId) }),
  });
}

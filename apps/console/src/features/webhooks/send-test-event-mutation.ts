import type { WebhookTestEvent } from '@docket/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { webhookKeys } from './keys';

/** Queues a `webhook.test` event for one endpoint, so its platform can check the integration. */
export function sendWebhookTestEvent(id: string): Promise<WebhookTestEvent> {
  return api.post<WebhookTestEvent>(`/api/webhooks/endpoints/${encodeURIComponent(id)}/test`);
}

export function useSendWebhookTestEvent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: sendWebhookTestEvent,
    onSuccess: (_sent, id) => queryClient.invalidateQueries({ queryKey: webhookKeys.deliveries(id) }),
  });
}

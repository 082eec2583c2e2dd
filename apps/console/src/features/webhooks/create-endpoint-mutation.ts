import type { CreateWebhookEndpointBody, WebhookEndpointWithSecret } from '@docket/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { webhookKeys } from './keys';

/** The response is the only time the signing secret ever leaves Docket. */
export function createWebhookEndpoint(body: CreateWebhookEndpointBody): Promise<WebhookEndpointWithSecret> {
  return api.post<WebhookEndpointWithSecret>('/api/webhooks/endpoints', body);
}

export function useCreateWebhookEndpoint() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createWebhookEndpoint,
    // The mutation's state holds the secret: drop it as soon as the dialog is gone.
    gcTime: 0,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhookKeys.endpoints() }),
  });
}

import type { WebhookEndpointWithSecret } from '@docket/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { webhookKeys } from './keys';

/** A new secret replaces the old one at once; the response shows it this once. */
export function rotateWebhookSecret(id: string): Promise<WebhookEndpointWithSecret> {
  return api.post<WebhookEndpointWithSecret>(`/api/webhooks/endpoints/${encodeURIComponent(id)}/rotate-secret`);
}

export function useRotateWebhookSecret() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: rotateWebhookSecret,
    gcTime: 0,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhookKeys.endpoints() }),
  });
}

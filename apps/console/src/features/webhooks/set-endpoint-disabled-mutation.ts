import type { WebhookEndpoint } from '@docket/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { webhookKeys } from './keys';

/** A disabled endpoint gets no new events; its waiting deliveries resume when it is enabled. */
export function setWebhookEndpointDisabled({ id, disabled }: { id: string; disabled: boolean }) {
  return api.post<WebhookEndpoint>(
    `/api/webhooks/endpoints/${encodeURIComponent(id)}/${disabled ? 'disable' : 'enable'}`,
  );
}

export function useSetWebhookEndpointDisabled() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setWebhookEndpointDisabled,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhookKeys.endpoints() }),
  });
}

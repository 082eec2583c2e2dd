import type { WebhookDeliveryPage } from '@docket/contracts';
import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { webhookKeys } from './keys';

/** How often the open log asks again: deliveries and retries happen in the background. */
const REFRESH_MS = 2_000;

export function fetchWebhookDeliveries(endpointId: string, signal?: AbortSignal): Promise<WebhookDeliveryPage> {
  return api.get<WebhookDeliveryPage>(`/api/webhooks/endpoints/${encodeURIComponent(endpointId)}/deliveries`, {
    signal,
    query: { limit: 100 },
  });
}

export const webhookDeliveriesQuery = (endpointId: string) =>
  queryOptions({
    queryKey: webhookKeys.deliveries(endpointId),
    meta: { permission: 'manage:webhook' },
    queryFn: ({ signal }) => fetchWebhookDeliveries(endpointId, signal),
    refetchInterval: REFRESH_MS,
  });

export function useWebhookDeliveries(endpointId: string) {
  return useSuspenseQuery(webhookDeliveriesQuery(endpointId));
}

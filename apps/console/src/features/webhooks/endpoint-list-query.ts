import type { WebhookEndpointList } from '@docket/contracts';
import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { webhookKeys } from './keys';

export function fetchWebhookEndpoints(signal?: AbortSignal): Promise<WebhookEndpointList> {
  return api.get<WebhookEndpointList>('/api/webhooks/endpoints', { signal });
}

export const webhookEndpointListQuery = () =>
  queryOptions({
    queryKey: webhookKeys.endpoints(),
    meta: { permission: 'manage:webhook' },
    queryFn: ({ signal }) => fetchWebhookEndpoints(signal),
  });

export function useWebhookEndpointList() {
  return useSuspenseQuery(webhookEndpointListQuery());
}

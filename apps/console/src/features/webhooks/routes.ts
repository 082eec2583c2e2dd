import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs, RouteObject } from 'react-router';
import { requirePermission } from '../auth/require-session';
import { webhookDeliveriesQuery } from './deliveries-query';
import { webhookEndpointListQuery } from './endpoint-list-query';

export function webhookRoutes(queryClient: QueryClient): RouteObject[] {
  return [
    {
      path: 'webhooks',
      loader: async ({ request }: LoaderFunctionArgs) => {
        await requirePermission(queryClient, request, 'manage:webhook');
        await queryClient.ensureQueryData(webhookEndpointListQuery());
        return null;
      },
      lazy: { Component: async () => (await import('./WebhooksPage')).WebhooksPage },
    },
    {
      path: 'webhooks/:endpointId',
      loader: async ({ request, params }: LoaderFunctionArgs) => {
        await requirePermission(queryClient, request, 'manage:webhook');
        await Promise.all([
          queryClient.ensureQueryData(webhookEndpointListQuery()),
          queryClient.ensureQueryData(webhookDeliveriesQuery(params.endpointId ?? '')),
        ]);
        return null;
      },
      lazy: { Component: async () => (await import('./DeliveryLogPage')).DeliveryLogPage },
    },
  ];
}

import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs, RouteObject } from 'react-router';
import { requirePermission } from '../auth/require-session';
import { policyListQuery } from '../policies/policy-list-query';
import { queueSettingsQuery } from './queue-settings-query';
import { queueSummaryQuery } from './queue-summary-query';

export function queuesRoutes(queryClient: QueryClient): RouteObject[] {
  return [
    {
      path: 'queues',
      loader: async ({ request }: LoaderFunctionArgs) => {
        await requirePermission(queryClient, request, 'read:queue');
        await queryClient.ensureQueryData(queueSummaryQuery());
        return null;
      },
      lazy: { Component: async () => (await import('./QueuesPage')).QueuesPage },
    },
    {
      path: 'queue-settings',
      loader: async ({ request }: LoaderFunctionArgs) => {
        await requirePermission(queryClient, request, 'manage:queue');
        // The queue list shows its own loading and error states; only the catalog is awaited.
        void queryClient.prefetchQuery(queueSettingsQuery());
        await queryClient.ensureQueryData(policyListQuery());
        return null;
      },
      // Admins only: its own chunk, like every page that is not part of everyday review.
      lazy: { Component: async () => (await import('./QueueSettingsPage')).QueueSettingsPage },
    },
  ];
}

import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs, RouteObject } from 'react-router';
import { requirePermission } from '../auth/require-session';
import { QueuesPage } from './QueuesPage';
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
      Component: QueuesPage,
    },
  ];
}

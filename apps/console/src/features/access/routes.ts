import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs, RouteObject } from 'react-router';
import { ensurePermittedData, requirePermission } from '../auth/require-session';
import { queueSummaryQuery } from '../queues/queue-summary-query';
import { activeGrantsQuery } from './active-grants-query';
import { breakGlassQuery } from './break-glass-query';
import { pendingRequestsQuery } from './pending-requests-query';
import { accessPolicyQuery } from './policy-query';

export function accessRoutes(queryClient: QueryClient): RouteObject[] {
  return [
    {
      path: 'access',
      loader: async ({ request }: LoaderFunctionArgs) => {
        await requirePermission(queryClient, request, 'approve:access');
        return null;
      },
      lazy: { Component: async () => (await import('./AccessPage')).AccessPage },
      children: [
        {
          index: true,
          loader: async ({ request }: LoaderFunctionArgs) => {
            const session = await requirePermission(queryClient, request, 'approve:access');
            await Promise.all([
              queryClient.ensureQueryData(pendingRequestsQuery()),
              ensurePermittedData(queryClient, session, queueSummaryQuery()),
              ensurePermittedData(queryClient, session, accessPolicyQuery()),
            ]);
            return null;
          },
          lazy: { Component: async () => (await import('./PendingRequestsPage')).PendingRequestsPage },
        },
        {
          path: 'grants',
          loader: async ({ request }: LoaderFunctionArgs) => {
            await requirePermission(queryClient, request, 'revoke:access');
            await queryClient.ensureQueryData(activeGrantsQuery());
            return null;
          },
          lazy: { Component: async () => (await import('./ActiveGrantsPage')).ActiveGrantsPage },
        },
        {
          path: 'break-glass',
          loader: async ({ request }: LoaderFunctionArgs) => {
            await requirePermission(queryClient, request, 'review:break_glass');
            await queryClient.ensureQueryData(breakGlassQuery());
            return null;
          },
          lazy: { Component: async () => (await import('./BreakGlassReviewPage')).BreakGlassReviewPage },
        },
      ],
    },
  ];
}

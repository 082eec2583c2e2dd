import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs, RouteObject } from 'react-router';
import { ensurePermittedData, requirePermission } from '../auth/require-session';
import { queueSummaryQuery } from '../queues/queue-summary-query';
import { heldCasesQuery } from './held-cases-query';
import { pendingConfirmationsQuery } from './pending-confirmations-query';

export function supervisionRoutes(queryClient: QueryClient): RouteObject[] {
  const requireSupervisor = (request: Request) => requirePermission(queryClient, request, 'manage:case');
  return [
    {
      path: 'supervision',
      loader: async ({ request }: LoaderFunctionArgs) => {
        await requireSupervisor(request);
        return null;
      },
      lazy: { Component: async () => (await import('./SupervisionPage')).SupervisionPage },
      children: [
        {
          index: true,
          loader: async ({ request }: LoaderFunctionArgs) => {
            const session = await requireSupervisor(request);
            await Promise.all([
              queryClient.ensureInfiniteQueryData(heldCasesQuery()),
              ensurePermittedData(queryClient, session, queueSummaryQuery()),
            ]);
            return null;
          },
          lazy: { Component: async () => (await import('./HeldCasesPage')).HeldCasesPage },
        },
        {
          path: 'confirmations',
          loader: async ({ request }: LoaderFunctionArgs) => {
            const session = await requireSupervisor(request);
            await Promise.all([
              queryClient.ensureInfiniteQueryData(pendingConfirmationsQuery()),
              ensurePermittedData(queryClient, session, queueSummaryQuery()),
            ]);
            return null;
          },
          lazy: { Component: async () => (await import('./ConfirmationsPage')).ConfirmationsPage },
        },
      ],
    },
  ];
}

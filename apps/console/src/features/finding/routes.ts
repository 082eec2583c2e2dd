import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs, RouteObject } from 'react-router';
import { ensurePermittedData, requirePermission } from '../auth/require-session';
import { queueSummaryQuery } from '../queues/queue-summary-query';
import { accountHistoryQuery } from './account-history-query';
import { findCasesQuery } from './find-cases-query';
import { filtersFromParams } from './find-filters';

export function findingRoutes(queryClient: QueryClient): RouteObject[] {
  return [
    {
      path: 'cases',
      loader: async ({ request }: LoaderFunctionArgs) => {
        const session = await requirePermission(queryClient, request, 'read:case');
        const filters = filtersFromParams(new URL(request.url).searchParams);
        await Promise.all([
          queryClient.ensureInfiniteQueryData(findCasesQuery(filters)),
          ensurePermittedData(queryClient, session, queueSummaryQuery()),
        ]);
        return null;
      },
      lazy: { Component: async () => (await import('./FindCasesPage')).FindCasesPage },
    },
    {
      path: 'accounts/:accountId',
      loader: async ({ request, params }: LoaderFunctionArgs) => {
        const session = await requirePermission(queryClient, request, 'read:case');
        await Promise.all([
          queryClient.ensureQueryData(accountHistoryQuery(params.accountId ?? '')),
          ensurePermittedData(queryClient, session, queueSummaryQuery()),
        ]);
        return null;
      },
      lazy: { Component: async () => (await import('./AccountPage')).AccountPage },
    },
  ];
}

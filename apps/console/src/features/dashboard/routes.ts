import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs, RouteObject } from 'react-router';
import { requirePermission } from '../auth/require-session';
import { dashboardQueryFor } from './dashboard-query';
import { periodFromParams } from './period';

export function dashboardRoutes(queryClient: QueryClient): RouteObject[] {
  return [
    {
      path: 'dashboard',
      loader: async ({ request }: LoaderFunctionArgs) => {
        const session = await requirePermission(queryClient, request, 'read:dashboard');
        // Started, not awaited: the page and its period picker show at once, the figures as they come.
        void queryClient.prefetchQuery(dashboardQueryFor(session, periodFromParams(new URL(request.url).searchParams)));
        return null;
      },
      lazy: { Component: async () => (await import('./DashboardPage')).DashboardPage },
    },
  ];
}

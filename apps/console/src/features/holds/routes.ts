import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs, RouteObject } from 'react-router';
import { requirePermission } from '../auth/require-session';
import { holdListQuery } from './hold-list-query';
import { retentionScheduleQuery } from './retention-schedule-query';

export function holdRoutes(queryClient: QueryClient): RouteObject[] {
  return [
    {
      path: 'holds',
      loader: async ({ request }: LoaderFunctionArgs) => {
        await requirePermission(queryClient, request, 'read:legal');
        await Promise.all([
          queryClient.ensureQueryData(holdListQuery()),
          queryClient.ensureQueryData(retentionScheduleQuery()),
        ]);
        return null;
      },
      lazy: { Component: async () => (await import('./HoldsPage')).HoldsPage },
    },
  ];
}

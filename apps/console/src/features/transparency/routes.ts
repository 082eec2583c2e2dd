import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs, RouteObject } from 'react-router';
import { requirePermission } from '../auth/require-session';
import { tdbSubmissionsQuery } from './submissions-query';

export function transparencyRoutes(queryClient: QueryClient): RouteObject[] {
  return [
    {
      path: 'tdb-submissions',
      loader: async ({ request }: LoaderFunctionArgs) => {
        await requirePermission(queryClient, request, 'read:transparency');
        await queryClient.ensureQueryData(tdbSubmissionsQuery());
        return null;
      },
      lazy: { Component: async () => (await import('./TdbSubmissionsPage')).TdbSubmissionsPage },
    },
  ];
}

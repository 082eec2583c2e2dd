import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs, RouteObject } from 'react-router';
import { requirePermission } from '../auth/require-session';
import { serviceAccountListQuery } from './service-account-list-query';

export function serviceAccountRoutes(queryClient: QueryClient): RouteObject[] {
  return [
    {
      path: 'service-accounts',
      loader: async ({ request }: LoaderFunctionArgs) => {
        await requirePermission(queryClient, request, 'manage:service_account');
        await queryClient.ensureQueryData(serviceAccountListQuery());
        return null;
      },
      lazy: { Component: async () => (await import('./ServiceAccountsPage')).ServiceAccountsPage },
    },
  ];
}

import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs, RouteObject } from 'react-router';
import { requirePermission } from '../auth/require-session';
import { legalHistoryQuery, legalRequestQuery } from './legal-request-query';
import { legalRequestsQuery } from './legal-requests-query';

export function legalRoutes(queryClient: QueryClient): RouteObject[] {
  return [
    {
      path: 'legal',
      loader: async ({ request }: LoaderFunctionArgs) => {
        await requirePermission(queryClient, request, 'read:legal');
        await queryClient.ensureQueryData(legalRequestsQuery());
        return null;
      },
      lazy: { Component: async () => (await import('./LegalDeskPage')).LegalDeskPage },
    },
    {
      path: 'legal/:requestId',
      loader: async ({ request, params }: LoaderFunctionArgs) => {
        await requirePermission(queryClient, request, 'read:legal');
        const id = params.requestId ?? '';
        await Promise.all([
          queryClient.ensureQueryData(legalRequestQuery(id)),
          queryClient.ensureQueryData(legalHistoryQuery(id)),
        ]);
        return null;
      },
      lazy: { Component: async () => (await import('./LegalRequestPage')).LegalRequestPage },
    },
  ];
}

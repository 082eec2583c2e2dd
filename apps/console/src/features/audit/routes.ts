import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs, RouteObject } from 'react-router';
import { requirePermission } from '../auth/require-session';
import { accessReviewQuery, reviewPeriodFrom } from './access-review-query';
import { auditEventQuery } from './audit-event-query';
import { auditEventsQuery } from './audit-events-query';
import { filtersFromParams } from './audit-filters';
import { grantTraceQuery } from './grant-trace-query';

export function auditRoutes(queryClient: QueryClient): RouteObject[] {
  const requireAuditor = (request: Request) => requirePermission(queryClient, request, 'read:audit');
  return [
    {
      path: 'audit',
      loader: async ({ request }: LoaderFunctionArgs) => {
        await requireAuditor(request);
        return null;
      },
      lazy: { Component: async () => (await import('./AuditLayout')).AuditLayout },
      children: [
        {
          index: true,
          loader: async ({ request }: LoaderFunctionArgs) => {
            await requireAuditor(request);
            const filters = filtersFromParams(new URL(request.url).searchParams);
            await queryClient.ensureInfiniteQueryData(auditEventsQuery(filters));
            return null;
          },
          lazy: { Component: async () => (await import('./AuditEventsPage')).AuditEventsPage },
        },
        {
          path: 'events/:eventId',
          loader: async ({ request, params }: LoaderFunctionArgs) => {
            await requireAuditor(request);
            await queryClient.ensureQueryData(auditEventQuery(params.eventId ?? ''));
            return null;
          },
          lazy: { Component: async () => (await import('./AuditEventPage')).AuditEventPage },
        },
        {
          path: 'grants/:grantId',
          loader: async ({ request, params }: LoaderFunctionArgs) => {
            await requireAuditor(request);
            await queryClient.ensureQueryData(grantTraceQuery(params.grantId ?? ''));
            return null;
          },
          lazy: { Component: async () => (await import('./GrantTracePage')).GrantTracePage },
        },
        {
          path: 'access-review',
          loader: async ({ request }: LoaderFunctionArgs) => {
            await requireAuditor(request);
            await queryClient.ensureInfiniteQueryData(
              accessReviewQuery(reviewPeriodFrom(new URL(request.url).searchParams)),
            );
            return null;
          },
          lazy: { Component: async () => (await import('./AccessReviewPage')).AccessReviewPage },
        },
        {
          path: 'bundles',
          loader: async ({ request }: LoaderFunctionArgs) => {
            await requirePermission(queryClient, request, 'export:audit');
            return null;
          },
          lazy: { Component: async () => (await import('./BundlesPage')).BundlesPage },
        },
      ],
    },
  ];
}

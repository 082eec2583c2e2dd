import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs, RouteObject } from 'react-router';
import { requirePermission } from '../auth/require-session';
import { periodFromParams } from './period';
import { publishedReportsQuery } from './published-reports-query';
import { reportPreviewQuery } from './report-preview-query';

export function transparencyReportRoutes(queryClient: QueryClient): RouteObject[] {
  return [
    {
      path: 'transparency-reports',
      loader: async ({ request }: LoaderFunctionArgs) => {
        await requirePermission(queryClient, request, 'publish:transparency');
        const period = periodFromParams(new URL(request.url).searchParams);
        // Started, not awaited: computing a long period takes a while, and the page says so meanwhile.
        void queryClient.prefetchQuery(reportPreviewQuery(period));
        void queryClient.prefetchQuery(publishedReportsQuery());
        return null;
      },
      lazy: { Component: async () => (await import('./TransparencyReportPage')).TransparencyReportPage },
    },
  ];
}

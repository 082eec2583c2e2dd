import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, type LoaderFunctionArgs } from 'react-router';
import { accessRoutes } from '../features/access/routes';
import { auditRoutes } from '../features/audit/routes';
import { requireSession } from '../features/auth/require-session';
import { caseRoutes } from '../features/cases/routes';
import { dashboardRoutes } from '../features/dashboard/routes';
import { findingRoutes } from '../features/finding/routes';
import { holdRoutes } from '../features/holds/routes';
import { legalRoutes } from '../features/legal/routes';
import { queuesRoutes } from '../features/queues/routes';
import { serviceAccountRoutes } from '../features/service-accounts/routes';
import { enrolRoute, staffRoutes } from '../features/staff/routes';
import { supervisionRoutes } from '../features/supervision/routes';
import { transparencyRoutes } from '../features/transparency/routes';
import { transparencyReportRoutes } from '../features/transparency-reports/routes';
import { webhookRoutes } from '../features/webhooks/routes';
import { homeLoader } from './home';
import { NotFound } from './NotFound';
import { RouteError } from './RouteError';

/**
 * The route tree. Every signed-in page sits under AppLayout, whose loader requires a session;
 * each page's own loader also checks its permission before asking for any data (loaders of
 * one navigation run in parallel, so the layout's check alone would not stop the fetch).
 * Every page is its own chunk (loaded while its loader fetches), so the first load before
 * sign-in carries only the router, the data layer and the sign-in form.
 */
export function createRouter(queryClient: QueryClient) {
  return createBrowserRouter([
    {
      path: '/sign-in',
      lazy: { Component: async () => (await import('../features/auth/SignInPage')).SignInPage },
      ErrorBoundary: RouteError,
    },
    { ...enrolRoute, ErrorBoundary: RouteError },
    {
      path: '/',
      loader: async ({ request }: LoaderFunctionArgs) => {
        await requireSession(queryClient, request);
        return null;
      },
      lazy: { Component: async () => (await import('./AppLayout')).AppLayout },
      ErrorBoundary: RouteError,
      children: [
        {
          // Pathless, so a failing page keeps the header and navigation around its error.
          ErrorBoundary: RouteError,
          children: [
            {
              index: true,
              loader: homeLoader(queryClient),
              lazy: { Component: async () => (await import('./NoSections')).NoSections },
            },
            ...queuesRoutes(queryClient),
            ...findingRoutes(queryClient),
            ...caseRoutes(queryClient),
            ...supervisionRoutes(queryClient),
            ...dashboardRoutes(queryClient),
            ...accessRoutes(queryClient),
            ...auditRoutes(queryClient),
            ...staffRoutes(queryClient),
            ...serviceAccountRoutes(queryClient),
            ...webhookRoutes(queryClient),
            ...transparencyRoutes(queryClient),
            ...transparencyReportRoutes(queryClient),
            ...legalRoutes(queryClient),
            ...holdRoutes(queryClient),
            { path: '*', Component: NotFound },
          ],
        },
      ],
    },
  ]);
}

export type AppRouter = ReturnType<typeof createRouter>;

import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs, RouteObject } from 'react-router';
import { hasPermission } from '../auth/permissions';
import { requirePermission } from '../auth/require-session';
import { policyListQuery } from '../policies/policy-list-query';
import { queueSummaryQuery } from '../queues/queue-summary-query';
import { CaseError } from './CaseError';
import { caseDetailQuery } from './case-detail-query';

export function caseRoutes(queryClient: QueryClient): RouteObject[] {
  return [
    {
      path: 'cases/:caseId',
      loader: async ({ request, params }: LoaderFunctionArgs) => {
        const session = await requirePermission(queryClient, request, 'read:case');
        // The case, its queue's name and the policies to decide with arrive together.
        await Promise.all([
          queryClient.ensureQueryData(caseDetailQuery(params.caseId ?? '')),
          hasPermission(session, 'read:queue') && queryClient.ensureQueryData(queueSummaryQuery()),
          hasPermission(session, 'decide:case') && queryClient.ensureQueryData(policyListQuery()),
        ]);
        return null;
      },
      // Its own chunk (with the form widgets only deciding needs), fetched while the loader fetches the case.
      lazy: { Component: async () => (await import('./CasePage')).CasePage },
      ErrorBoundary: CaseError,
    },
  ];
}

import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs, RouteObject } from 'react-router';
import { caseAccessQuery } from '../access/case-access-query';
import { accessPolicyQuery } from '../access/policy-query';
import { hasPermission } from '../auth/permissions';
import { ensurePermittedData, requirePermission } from '../auth/require-session';
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
        // The case, its queue's name, the policies to decide with and my access to it arrive together.
        await Promise.all([
          queryClient.ensureQueryData(caseDetailQuery(params.caseId ?? '')),
          ensurePermittedData(queryClient, session, queueSummaryQuery()),
          // Only people who decide use the catalog here, though any signed-in person may read it.
          hasPermission(session, 'decide:case') && queryClient.ensureQueryData(policyListQuery()),
          ensurePermittedData(queryClient, session, caseAccessQuery(params.caseId ?? '')),
          ensurePermittedData(queryClient, session, accessPolicyQuery()),
        ]);
        return null;
      },
      // Its own chunk (with the form widgets only deciding needs), fetched while the loader fetches the case.
      lazy: { Component: async () => (await import('./CasePage')).CasePage },
      ErrorBoundary: CaseError,
    },
  ];
}

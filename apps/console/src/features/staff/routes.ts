import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs, RouteObject } from 'react-router';
import { requirePermission } from '../auth/require-session';
import { pendingRoleChangesQuery } from './role-changes-query';
import { staffListQuery } from './staff-list-query';

export function staffRoutes(queryClient: QueryClient): RouteObject[] {
  return [
    {
      path: 'staff',
      loader: async ({ request }: LoaderFunctionArgs) => {
        // The permission check comes first: someone without read:staff never fetches the list.
        await requirePermission(queryClient, request, 'read:staff');
        const q = new URL(request.url).searchParams.get('q') ?? '';
        void queryClient.prefetchQuery(pendingRoleChangesQuery());
        await queryClient.ensureInfiniteQueryData(staffListQuery(q));
        return null;
      },
      lazy: { Component: async () => (await import('./StaffPage')).StaffPage },
    },
  ];
}

/** Public: the page a one-time enrolment or reset link opens, outside the signed-in layout. */
export const enrolRoute: RouteObject = {
  path: '/enrol',
  lazy: { Component: async () => (await import('./EnrolPage')).EnrolPage },
};

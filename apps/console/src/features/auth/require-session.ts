import type { SessionInfo } from '@docket/contracts';
import type { Permission } from '@docket/permissions';
import type { EnsureQueryDataOptions, QueryClient, QueryKey } from '@tanstack/react-query';
import { data, type LoaderFunctionArgs, redirect } from 'react-router';
import { isApiError } from '../../api/api-error';
import { signInPath } from './next-path';
import { hasPermission, mayFetch } from './permissions';
import { sessionQuery } from './session-query';

/**
 * For route loaders: the current session, or a redirect to sign-in that remembers where the
 * person was going. A cached session is used at once and re-checked in the background.
 */
export async function requireSession(queryClient: QueryClient, request: Request): Promise<SessionInfo> {
  try {
    return await queryClient.ensureQueryData({ ...sessionQuery(), revalidateIfStale: true });
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      const url = new URL(request.url);
      // A stale cookie (e.g. a tab reopened after expiry) says so, so sign-in can explain why.
      const reason = error.code === 'session_ended' ? 'session-ended' : undefined;
      throw redirect(signInPath({ next: `${url.pathname}${url.search}`, reason }));
    }
    throw error;
  }
}

/**
 * Like requireSession, and refuses the route with a 403 (rendered as "You don't have access")
 * before any of the page's data is requested.
 */
export async function requirePermission(
  queryClient: QueryClient,
  request: Request,
  permission: Permission,
): Promise<SessionInfo> {
  const session = await requireSession(queryClient, request);
  if (!hasPermission(session, permission)) throw data({ permission }, { status: 403, statusText: 'Forbidden' });
  return session;
}

/** A loader for a page that needs only a permission (no data yet). */
export function permissionLoader(queryClient: QueryClient, permission: Permission) {
  return async ({ request }: LoaderFunctionArgs) => {
    await requirePermission(queryClient, request, permission);
    return null;
  };
}

/**
 * For loaders: starts (and awaits) a query this session may fetch, and skips one whose route
 * would refuse it — the page then does without, as it would on a slow network.
 */
export async function ensurePermittedData<TQueryFnData, TError, TData, TQueryKey extends QueryKey>(
  queryClient: QueryClient,
  session: SessionInfo,
  options: EnsureQueryDataOptions<TQueryFnData, TError, TData, TQueryKey>,
): Promise<void> {
  if (mayFetch(session, options)) await queryClient.ensureQueryData(options);
}

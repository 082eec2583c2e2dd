import type { SessionInfo } from '@docket/contracts';
import type { Permission } from '@docket/permissions';
import { type QueryKey, type UseQueryOptions, type UseQueryResult, useQuery } from '@tanstack/react-query';
import { useSession } from './session-query';

/**
 * Each query names, in its `meta`, the permission its API route declares, so one check decides
 * whether this session may fetch it: asking anyway would only earn a 403 and a false
 * `authz.denied` in the audit log. Queries on routes open to any signed-in person name none.
 */
declare module '@tanstack/react-query' {
  interface Register {
    queryMeta: { permission?: Permission };
  }
}

/**
 * The UI decides what to show from the permissions the server granted this session (the same
 * vocabulary the API enforces), never from role names.
 */
export function hasPermission(session: Pick<SessionInfo, 'permissions'>, permission: Permission): boolean {
  return session.permissions.includes(permission);
}

export function useCan(permission: Permission): boolean {
  return hasPermission(useSession(), permission);
}

/** Whether this session may fetch a query: the permission named in its meta, if any. */
export function mayFetch(session: Pick<SessionInfo, 'permissions'>, query: { meta?: { permission?: Permission } }) {
  const permission = query.meta?.permission;
  return permission === undefined || hasPermission(session, permission);
}

/** useQuery for data a screen can do without: never fetched by someone its route would refuse. */
export function usePermittedQuery<TQueryFnData, TError, TData, TQueryKey extends QueryKey>(
  options: UseQueryOptions<TQueryFnData, TError, TData, TQueryKey>,
): UseQueryResult<TData, TError> {
  const permitted = mayFetch(useSession(), options);
  return useQuery({ ...options, enabled: permitted ? (options.enabled ?? true) : false });
}

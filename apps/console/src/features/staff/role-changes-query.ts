import type { RoleChangeList } from '@docket/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { staffKeys } from './keys';

export const pendingRoleChangesQuery = () =>
  queryOptions({
    queryKey: staffKeys.pendingRoleChanges(),
    queryFn: ({ signal }) => api.get<RoleChangeList>('/api/role-changes', { signal }),
  });

export function usePendingRoleChanges() {
  return useQuery(pendingRoleChangesQuery());
}

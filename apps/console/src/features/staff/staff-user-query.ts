import type { StaffUser } from '@docket/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { staffKeys } from './keys';

export const staffUserQuery = (id: string) =>
  queryOptions({
    queryKey: staffKeys.detail(id),
    queryFn: ({ signal }) => api.get<StaffUser>(`/api/staff/${encodeURIComponent(id)}`, { signal }),
  });

/** One account, starting from the row it was opened from and refreshed when a change invalidates it. */
export function useStaffUser(initial: StaffUser): StaffUser {
  return useQuery({ ...staffUserQuery(initial.id), initialData: initial }).data;
}

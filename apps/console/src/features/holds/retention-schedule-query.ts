import type { RetentionSchedule } from '@docket/contracts';
import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { holdKeys } from './keys';

export function fetchRetentionSchedule(signal?: AbortSignal): Promise<RetentionSchedule> {
  return api.get<RetentionSchedule>('/api/retention/schedule', { signal });
}

export const retentionScheduleQuery = () =>
  queryOptions({
    queryKey: holdKeys.schedule(),
    meta: { permission: 'read:legal' },
    queryFn: ({ signal }) => fetchRetentionSchedule(signal),
  });

export function useRetentionSchedule() {
  return useSuspenseQuery(retentionScheduleQuery());
}

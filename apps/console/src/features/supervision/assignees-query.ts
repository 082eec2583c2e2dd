import type { AssigneeList } from '@docket/contracts';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';
import { usePermittedQuery } from '../auth/permissions';
import { supervisionKeys } from './keys';

export function fetchAssignees(caseId: string, signal?: AbortSignal): Promise<AssigneeList> {
  return api.get<AssigneeList>(`/api/cases/${encodeURIComponent(caseId)}/assignees`, { signal });
}

/** People who may work the case's queue, for the reassign picker. */
export const assigneesQuery = (caseId: string) =>
  queryOptions({
    queryKey: supervisionKeys.assignees(caseId),
    meta: { permission: 'manage:case' },
    queryFn: ({ signal }) => fetchAssignees(caseId, signal),
  });

export function useAssignees(caseId: string) {
  return usePermittedQuery(assigneesQuery(caseId));
}

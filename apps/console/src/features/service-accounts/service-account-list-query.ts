import type { ServiceAccountList } from '@docket/contracts';
import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { serviceAccountKeys } from './keys';

export function fetchServiceAccounts(signal?: AbortSignal): Promise<ServiceAccountList> {
  return api.get<ServiceAccountList>('/api/service-accounts', { signal });
}

export const serviceAccountListQuery = () =>
  queryOptions({
    queryKey: serviceAccountKeys.lists(),
    meta: { permission: 'manage:service_account' },
    queryFn: ({ signal }) => fetchServiceAccounts(signal),
  });

export function useServiceAccountList() {
  return useSuspenseQuery(serviceAccountListQuery());
}

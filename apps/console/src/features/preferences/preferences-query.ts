import type { Preferences } from '@docket/contracts';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';
import { preferenceKeys } from './keys';

export function fetchPreferences(signal?: AbortSignal): Promise<Preferences> {
  return api.get<Preferences>('/api/me/preferences', { signal });
}

export const preferencesQuery = () =>
  queryOptions({
    queryKey: preferenceKeys.mine(),
    queryFn: ({ signal }) => fetchPreferences(signal),
  });

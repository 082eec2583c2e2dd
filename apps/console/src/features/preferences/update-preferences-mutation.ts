import type { Preferences } from '@docket/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { preferenceKeys } from './keys';

export function updatePreferences(preferences: Preferences): Promise<Preferences> {
  return api.put<Preferences>('/api/me/preferences', preferences);
}

export function useUpdatePreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updatePreferences,
    onSuccess: (preferences) => queryClient.setQueryData(preferenceKeys.mine(), preferences),
  });
}

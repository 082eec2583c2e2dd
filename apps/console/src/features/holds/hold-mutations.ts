/** Placing, extending and releasing a hold; each refreshes the holds and the schedule they change. */
import type { Hold, PlaceHoldBody } from '@docket/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { holdKeys } from './keys';

export function placeHold(body: PlaceHoldBody) {
  return api.post<Hold>('/api/holds', body);
}

export function extendHold({ id, days }: { id: string; days: number }) {
  return api.post<Hold>(`/api/holds/${encodeURIComponent(id)}/extend`, { days });
}

export function releaseHold({ id, reason }: { id: string; reason: string }) {
  return api.post<Hold>(`/api/holds/${encodeURIComponent(id)}/release`, { reason });
}

function useHoldMutation<T>(mutationFn: (input: T) => Promise<Hold>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: holdKeys.all }) });
}

export const usePlaceHold = () => useHoldMutation(placeHold);
export const useExtendHold = () => useHoldMutation(extendHold);
export const useReleaseHold = () => useHoldMutation(releaseHold);

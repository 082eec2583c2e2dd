import { hashKey, type QueryKey, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { caseKeys } from './keys';

/**
 * Removes cached content as soon as no screen shows it: reported messages, reporter texts and
 * conversation content must not linger in memory after the reviewer moves on. Everything under
 * `queryKey` that has no observer left goes. The check waits a tick, so a re-mount of the same
 * screen (StrictMode, a re-render) keeps it.
 */
export function useDropOnLeave(queryKey: QueryKey): void {
  const queryClient = useQueryClient();
  // The key's hash stands for the key: callers build a fresh array on every render.
  const hash = hashKey(queryKey);
  useEffect(
    () => () => {
      setTimeout(() => {
        for (const query of queryClient.getQueryCache().findAll({ queryKey })) {
          if (query.getObserversCount() === 0) queryClient.removeQueries({ queryKey: query.queryKey, exact: true });
        }
      });
    },
    [queryClient, hash],
  );
}

export function useDropCaseOnLeave(caseId: string): void {
  useDropOnLeave(caseKeys.detail(caseId));
}

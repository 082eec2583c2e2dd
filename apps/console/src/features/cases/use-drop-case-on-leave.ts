import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { caseKeys } from './keys';

/**
 * Removes a case's content from the cache as soon as no screen shows it: reported messages and
 * reporter texts must not linger in memory after the reviewer moves on. The check waits a tick,
 * so a re-mount of the same case (StrictMode, a re-render) keeps it.
 */
export function useDropCaseOnLeave(caseId: string): void {
  const queryClient = useQueryClient();
  useEffect(
    () => () => {
      const queryKey = caseKeys.detail(caseId);
      setTimeout(() => {
        const query = queryClient.getQueryCache().find({ queryKey, exact: true });
        if (query && query.getObserversCount() === 0) queryClient.removeQueries({ queryKey, exact: true });
      });
    },
    [queryClient, caseId],
  );
}

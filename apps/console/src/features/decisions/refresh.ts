import { useQueryClient } from '@tanstack/react-query';
import { findingKeys } from '../finding/keys';
import { queueKeys } from '../queues/keys';
import { supervisionKeys } from '../supervision/keys';

/**
 * Deciding or undoing changes queues, held cases, lists, account histories and confirmations. An
 * open case's detail is left alone: refetching it would be another audited opening.
 */
export function useRefreshAfterDeciding() {
  const queryClient = useQueryClient();
  return () => {
    for (const queryKey of [queueKeys.all, findingKeys.all, supervisionKeys.all]) {
      void queryClient.invalidateQueries({ queryKey });
    }
  };
}

import { useEffect } from 'react';
import { type ApiError, isApiError } from '../../api/api-error';
import { useRenewLease } from './renew-lease-mutation';

/** The server's lease is 10 minutes; renewing every minute survives a few failed attempts. */
export const LEASE_RENEW_MS = 60_000;

export interface LeaseState {
  /** The server says this person no longer holds the case (lease ran out, reassigned, gone). */
  lost: ApiError | null;
  /** The last renewal failed for another reason (network, 5xx); the next tick tries again. */
  failing: boolean;
}

/**
 * Keeps the hold on a case while its screen is open: renews every minute, and at once when the
 * tab becomes visible again (background tabs run timers late). Stops once the hold is lost.
 */
export function useLeaseKeeper(caseId: string, isActive: boolean): LeaseState {
  const renew = useRenewLease();
  const { mutate } = renew;
  const error = isApiError(renew.error) ? renew.error : null;
  const lost = error && (error.status === 409 || error.status === 404) ? error : null;
  const isRunning = isActive && lost === null;

  useEffect(() => {
    if (!isRunning) return;
    const timer = setInterval(() => mutate(caseId), LEASE_RENEW_MS);
    const onVisibilityChange = () => {
      if (document.visibilityState === 'visible') mutate(caseId);
    };
    document.addEventListener('visibilitychange', onVisibilityChange);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibilityChange);
    };
  }, [caseId, isRunning, mutate]);

  return { lost, failing: renew.isError && !lost };
}

import type { SessionInfo } from '@docket/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { authKeys } from './keys';

// setTimeout overflows past ~24.8 days; sessions are far shorter, but clamp anyway.
const MAX_DELAY_MS = 2 ** 31 - 1;

/**
 * Re-checks the session just after the server said it would lapse, so an idle tab shows the
 * sign-in page with a notice instead of failing on the next click. The server stays the judge:
 * if activity elsewhere extended the session, the re-check returns new deadlines and we wait again.
 */
export function useSessionWatch(session: SessionInfo, checkedAt: number): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const deadline = Math.min(Date.parse(session.idleExpiresAt), Date.parse(session.absoluteExpiresAt));
    const delay = Math.min(Math.max(deadline - Date.now() + 1_000, 5_000), MAX_DELAY_MS);
    const timer = setTimeout(() => void queryClient.invalidateQueries({ queryKey: authKeys.session() }), delay);
    return () => clearTimeout(timer);
  }, [queryClient, session.idleExpiresAt, session.absoluteExpiresAt, checkedAt]);
}

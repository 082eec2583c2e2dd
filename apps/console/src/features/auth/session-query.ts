import type { SessionInfo } from '@docket/contracts';
import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { authKeys } from './keys';

export function fetchSession(signal?: AbortSignal): Promise<SessionInfo> {
  return api.get<SessionInfo>('/api/auth/session', { signal });
}

export const sessionQuery = () =>
  queryOptions({
    queryKey: authKeys.session(),
    queryFn: ({ signal }) => fetchSession(signal),
    // Re-checked in the background when stale (on focus, on navigation); a 401 then ends the
    // session in the UI too. See session-ended.ts.
    staleTime: 60_000,
  });

/** The signed-in session. Only under routes whose loader ran requireSession. */
export function useSession(): SessionInfo {
  return useSuspenseQuery(sessionQuery()).data;
}

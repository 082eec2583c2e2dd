import type { SessionInfo, SignInBody } from '@docket/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { authKeys } from './keys';

export function signIn(body: SignInBody): Promise<SessionInfo> {
  return api.post<SessionInfo>('/api/auth/sign-in', body);
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signIn,
    onSuccess: (session) => {
      // Nothing cached for a previous person may survive into this session.
      queryClient.clear();
      queryClient.setQueryData(authKeys.session(), session);
    },
  });
}

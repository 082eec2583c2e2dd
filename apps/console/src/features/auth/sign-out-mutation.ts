import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { signInPath } from './next-path';

export function signOut(): Promise<void> {
  return api.post<void>('/api/auth/sign-out');
}

export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: signOut,
    onSuccess: async () => {
      // Leave the signed-in screens first, then drop their data, so nothing re-fetches it.
      await navigate(signInPath({ reason: 'signed-out' }), { replace: true });
      queryClient.clear();
    },
  });
}

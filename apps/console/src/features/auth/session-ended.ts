import type { QueryClient } from '@tanstack/react-query';
import type { createBrowserRouter } from 'react-router';
import { isApiError } from '../../api/api-error';
import { authKeys } from './keys';
import { SIGN_IN_PATH, signInPath } from './next-path';

type Router = ReturnType<typeof createBrowserRouter>;

/**
 * Called with every failed query and mutation. A 401 while we hold a session means the server
 * ended it (idle or absolute timeout, sign-out elsewhere, account disabled): go to sign-in with
 * a notice, remembering where the person was (or was going), then forget everything cached.
 */
export function createSessionEndedHandler(queryClient: QueryClient, getRouter: () => Router) {
  let ending = false;
  return async function onApiError(error: unknown): Promise<void> {
    if (!isApiError(error) || error.status !== 401 || ending) return;
    // Without a cached session this 401 is just "not signed in"; loaders handle that.
    if (!queryClient.getQueryData(authKeys.session())) return;
    const router = getRouter();
    const where = router.state.navigation.location ?? router.state.location;
    if (where.pathname === SIGN_IN_PATH) return;

    ending = true;
    try {
      await router.navigate(signInPath({ next: `${where.pathname}${where.search}`, reason: 'session-ended' }), {
        replace: true,
      });
      queryClient.clear();
    } finally {
      ending = false;
    }
  };
}

import type { QueryClient } from '@tanstack/react-query';
import { type LoaderFunctionArgs, redirect } from 'react-router';
import { requireSession } from '../features/auth/require-session';
import { homePathFor } from './navigation';

/** `/` is not a page of its own: it forwards to the first section the person can see. */
export function homeLoader(queryClient: QueryClient) {
  return async ({ request }: LoaderFunctionArgs) => {
    const session = await requireSession(queryClient, request);
    const home = homePathFor(session.permissions);
    if (home) throw redirect(home);
    return null;
  };
}

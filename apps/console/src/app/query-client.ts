import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from '../api/api-error';

// A 4xx will be the same on a second try; only network failures and 5xx are worth retrying.
function retryTransient(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

/** The console's one QueryClient; `onApiError` sees every failed query and mutation. */
export function createQueryClient(onApiError: (error: unknown) => void): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError: onApiError }),
    mutationCache: new MutationCache({ onError: onApiError }),
    defaultOptions: {
      queries: { staleTime: 30_000, retry: retryTransient },
      mutations: { retry: false },
    },
  });
}

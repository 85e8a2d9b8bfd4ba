import { QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './ApiError';
import { queryKeys } from './queryKeys';

const MAX_RETRIES = 2;

/**
 * One QueryClient for the app. A 401 from any query means the session ended (expired or logged out in
 * another tab), so the cached user is cleared and the app falls back to the login screen.
 */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        if (isApiError(error) && error.status === 401) client.setQueryData(queryKeys.me(), null);
      },
    }),
    defaultOptions: {
      queries: {
        // Realtime events and reconnects drive freshness; this only limits refetches on focus/mount.
        staleTime: 10_000,
        // A 4xx will not get better by asking again; network and 5xx errors might.
        retry: (failureCount, error) =>
          failureCount < MAX_RETRIES && (!isApiError(error) || error.outcomeUnknown),
      },
      mutations: { retry: false },
    },
  });
  return client;
}

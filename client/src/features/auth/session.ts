import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LoginRequest, UpdatePreferencesRequest, UserDto } from '../../../../common/types';
import { isApiError } from '../../api/ApiError';
import { fetchMe, login, logout, updatePreferences } from '../../api/endpoints';
import { queryKeys } from '../../api/queryKeys';

/** The signed-in user, or null when there is no session (401 is an answer here, not an error). */
async function fetchCurrentUser(): Promise<UserDto | null> {
  try {
    return (await fetchMe()).user;
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

export function useCurrentUser() {
  return useQuery({ queryKey: queryKeys.me(), queryFn: fetchCurrentUser, staleTime: 5 * 60_000 });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginRequest) => login(body),
    onSuccess: ({ user }) => {
      // Nothing cached under a previous session may leak into this one.
      queryClient.removeQueries({ queryKey: queryKeys.conversations() });
      queryClient.removeQueries({ queryKey: queryKeys.channelAccounts() });
      queryClient.setQueryData(queryKeys.me(), user);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  const signedOut = () => {
    queryClient.removeQueries({ queryKey: queryKeys.conversations() });
    queryClient.removeQueries({ queryKey: queryKeys.channelAccounts() });
    queryClient.setQueryData(queryKeys.me(), null);
  };
  return useMutation({
    mutationFn: logout,
    onSuccess: signedOut,
    onError: (error) => {
      // Already signed out on the server (expired, other tab): the goal is reached.
      if (isApiError(error) && error.status === 401) signedOut();
    },
  });
}

/** Saves the user's language or time zone on the server, so every device and session uses it. */
export function useUpdatePreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdatePreferencesRequest) => updatePreferences(body),
    onSuccess: ({ user }) => queryClient.setQueryData(queryKeys.me(), user),
  });
}

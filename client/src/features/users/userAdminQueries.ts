import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AcceptInviteRequest,
  InviteInfoResponse,
  InviteRequest,
  InviteResponse,
  ManagedUserDto,
  ManagedUserListResponse,
  ManageUserRequest,
} from '../../../../common/userManagement';
import { apiRequest } from '../../api/http';
import { queryKeys } from '../../api/queryKeys';

const managedUsersKey = ['users', 'manage'] as const;

/** Every user, active or not, and the open invitations (admins). */
export function useManagedUsers() {
  return useQuery({
    queryKey: managedUsersKey,
    queryFn: () => apiRequest<ManagedUserListResponse>('GET', '/api/users/manage'),
  });
}

function useRefreshUsers() {
  const queryClient = useQueryClient();
  // Under 'users': the assign picker's colleague list refreshes too.
  return () => void queryClient.invalidateQueries({ queryKey: queryKeys.users() });
}

export function useUpdateManagedUser() {
  const refresh = useRefreshUsers();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: ManageUserRequest }) =>
      apiRequest<{ user: ManagedUserDto }>('PATCH', `/api/users/${encodeURIComponent(id)}`, patch),
    onSuccess: refresh,
  });
}

export function useSetUserActive() {
  const refresh = useRefreshUsers();
  return useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) =>
      apiRequest<{ user: ManagedUserDto }>(
        'POST',
        `/api/users/${encodeURIComponent(id)}/${active ? 'reactivate' : 'deactivate'}`,
      ),
    onSuccess: refresh,
  });
}

export function useInviteUser() {
  const refresh = useRefreshUsers();
  return useMutation({
    mutationFn: (input: InviteRequest) => apiRequest<InviteResponse>('POST', '/api/users/invites', input),
    onSuccess: refresh,
  });
}

export function useInviteInfo(token: string) {
  return useQuery({
    queryKey: ['invite', token],
    queryFn: () => apiRequest<InviteInfoResponse>('GET', `/api/invites/${encodeURIComponent(token)}`),
    retry: false,
  });
}

export function useAcceptInvite(token: string) {
  return useMutation({
    mutationFn: (input: AcceptInviteRequest) =>
      apiRequest<{ userId: string }>('POST', `/api/invites/${encodeURIComponent(token)}/accept`, input),
  });
}

/** Admin reset: a one-time temporary password, shown once; the user must change it at next sign-in. */
export function useResetPassword() {
  return useMutation({
    mutationFn: (id: string) =>
      apiRequest<{ temporaryPassword: string }>(
        'POST',
        `/api/users/${encodeURIComponent(id)}/password-reset`,
      ),
  });
}

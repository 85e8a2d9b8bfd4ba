import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MarkNotificationsReadRequest, NotificationListResponse } from '../../../../common/types';
import { fetchNotifications, markNotificationsRead } from '../../api/endpoints';
import { queryKeys } from '../../api/queryKeys';

/** The bell's list and unread count; `notification.*` events on the user's own socket refresh it. */
export function useNotifications() {
  return useQuery({ queryKey: queryKeys.notifications(), queryFn: fetchNotifications });
}

/** Marks read at once in the cache (the badge drops without waiting), then confirms with a refetch. */
export function useMarkNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MarkNotificationsReadRequest) => markNotificationsRead(body),
    onMutate: (body) => {
      queryClient.setQueryData<NotificationListResponse>(queryKeys.notifications(), (cached) =>
        cached === undefined ? cached : markReadLocally(cached, body, new Date().toISOString()),
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.notifications() }),
  });
}

/** The list as it will be once the server has marked these notifications read. */
export function markReadLocally(
  list: NotificationListResponse,
  body: MarkNotificationsReadRequest,
  nowIso: string,
): NotificationListResponse {
  const hit = (id: string) => ('all' in body ? true : body.ids.includes(id));
  let changed = 0;
  const items = list.items.map((n) => {
    if (n.readAt !== null || !hit(n.id)) return n;
    changed++;
    return { ...n, readAt: nowIso };
  });
  return { items, unreadCount: 'all' in body ? 0 : Math.max(0, list.unreadCount - changed) };
}

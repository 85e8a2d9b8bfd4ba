import { useQuery } from '@tanstack/react-query';
import { fetchChannelAccounts } from '../../api/endpoints';
import { queryKeys } from '../../api/queryKeys';

/** How often the health view polls while open; `account.updated` events refresh it in between. */
export const ACCOUNT_HEALTH_REFRESH_MS = 10_000;

/**
 * The channel accounts with their health. Loaded once for the header banners; `live` (the open health
 * view) adds a timer, and react-query uses the shortest interval of all mounted observers.
 */
export function useChannelAccounts({ live = false }: { live?: boolean } = {}) {
  return useQuery({
    queryKey: queryKeys.channelAccounts(),
    queryFn: fetchChannelAccounts,
    select: (response) => response.items,
    refetchInterval: live ? ACCOUNT_HEALTH_REFRESH_MS : false,
  });
}

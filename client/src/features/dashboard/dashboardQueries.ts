import { useQuery } from '@tanstack/react-query';
import { fetchDashboard } from '../../api/endpoints';
import { queryKeys } from '../../api/queryKeys';

// Realtime conversation events refresh it too (its key sits under 'conversations'); this catches the
// rest: presence coming and going, polls, the inbound window moving on.
const DASHBOARD_REFRESH_MS = 10_000;

export function useDashboard() {
  return useQuery({
    queryKey: queryKeys.dashboard(),
    queryFn: fetchDashboard,
    refetchInterval: DASHBOARD_REFRESH_MS,
  });
}

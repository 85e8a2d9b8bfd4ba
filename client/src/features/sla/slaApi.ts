import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  BusinessHoursRequest,
  HolidayDto,
  HolidayRequest,
  Platform,
  SlaPolicyRequest,
  SlaSettingsResponse,
} from '../../../../common/types';
import { apiRequest } from '../../api/http';
import { queryKeys } from '../../api/queryKeys';

/** Key of the SLA settings; changing them recomputes due times, so conversation lists refetch too. */
export const SLA_SETTINGS_KEY = ['sla', 'settings'] as const;

/** `null` team: the default calendar. */
const calendarPath = (teamId: string | null) => `/api/sla/calendars/${teamId ?? 'default'}`;

export function useSlaSettings() {
  return useQuery({
    queryKey: SLA_SETTINGS_KEY,
    queryFn: () => apiRequest<SlaSettingsResponse>('GET', '/api/sla'),
  });
}

function useSlaMutation<TInput, TResult>(run: (input: TInput) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSettled: async () => {
      await client.invalidateQueries({ queryKey: SLA_SETTINGS_KEY });
      await client.invalidateQueries({ queryKey: queryKeys.conversations() });
    },
  });
}

export const useSavePolicy = () =>
  useSlaMutation((body: SlaPolicyRequest) =>
    apiRequest<SlaSettingsResponse>('POST', '/api/sla/policies', body),
  );

export const useRemovePolicy = () =>
  useSlaMutation((scope: { platform: Platform | null; channelAccountId: string | null }) => {
    const query = scope.channelAccountId
      ? `channelAccountId=${encodeURIComponent(scope.channelAccountId)}`
      : `platform=${scope.platform ?? ''}`;
    return apiRequest<void>('DELETE', `/api/sla/policies?${query}`);
  });

export const useSaveHours = () =>
  useSlaMutation(({ teamId, body }: { teamId: string | null; body: BusinessHoursRequest }) =>
    apiRequest<SlaSettingsResponse>('POST', `${calendarPath(teamId)}/hours`, body),
  );

export const useRemoveHours = () =>
  useSlaMutation((teamId: string | null) => apiRequest<void>('DELETE', `${calendarPath(teamId)}/hours`));

export const useAddHoliday = () =>
  useSlaMutation(({ teamId, body }: { teamId: string | null; body: HolidayRequest }) =>
    apiRequest<{ holiday: HolidayDto }>('POST', `${calendarPath(teamId)}/holidays`, body),
  );

export const useRemoveHoliday = () =>
  useSlaMutation((id: string) => apiRequest<void>('DELETE', `/api/sla/holidays/${encodeURIComponent(id)}`));

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateSavedFilterRequest } from '../../../../../common/types';
import { createSavedFilter, deleteSavedFilter, fetchSavedFilters, fetchTeams } from '../../../api/endpoints';
import { queryKeys } from '../../../api/queryKeys';

// Counts of saved filters move with the inbox; realtime events refresh conversation queries, this too.
const SAVED_FILTER_REFRESH_MS = 30_000;

export function useSavedFilters() {
  return useQuery({
    queryKey: queryKeys.savedFilters(),
    queryFn: fetchSavedFilters,
    select: (response) => response.items,
    refetchInterval: SAVED_FILTER_REFRESH_MS,
  });
}

export function useCreateSavedFilter() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateSavedFilterRequest) => createSavedFilter(body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.savedFilters() }),
  });
}

export function useDeleteSavedFilter() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteSavedFilter(id),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.savedFilters() }),
  });
}

export function useTeams(enabled = true) {
  return useQuery({
    queryKey: queryKeys.teams(),
    queryFn: fetchTeams,
    select: (response) => response.teams,
    staleTime: 5 * 60_000,
    enabled,
  });
}

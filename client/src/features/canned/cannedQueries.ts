import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CannedResponseRequest } from '../../../../common/types';
import {
  createCannedResponse,
  deleteCannedResponse,
  fetchCannedResponses,
  updateCannedResponse,
} from '../../api/endpoints';
import { queryKeys } from '../../api/queryKeys';

/** All canned responses (a team has dozens, not thousands); the picker filters them as the agent types. */
export function useCannedResponses(enabled = true) {
  return useQuery({
    queryKey: queryKeys.cannedResponses(),
    queryFn: async () => (await fetchCannedResponses()).items,
    staleTime: 60_000,
    enabled,
  });
}

/** Create, update or delete; every change refreshes the list the picker and the manager show. */
export function useCannedMutations() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.cannedResponses() });
  return {
    save: useMutation({
      mutationFn: (input: { id: string | null; body: CannedResponseRequest }) =>
        input.id === null ? createCannedResponse(input.body) : updateCannedResponse(input.id, input.body),
      onSuccess: refresh,
    }),
    remove: useMutation({ mutationFn: deleteCannedResponse, onSuccess: refresh }),
  };
}

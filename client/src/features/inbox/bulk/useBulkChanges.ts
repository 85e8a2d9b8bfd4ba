import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { BulkChanges, BulkRequest, BulkResponse } from '../../../../../common/types';
import { applyBulkChanges } from '../../../api/endpoints';
import { queryKeys } from '../../../api/queryKeys';

/** Runs a bulk request (an action or an undo) and refreshes lists, counts and open conversations. */
export function useBulkRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: BulkRequest) => applyBulkChanges(request),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.conversations() });
    },
  });
}

/** The same changes for every selected conversation. */
export function bulkRequest(ids: readonly string[], changes: BulkChanges): BulkRequest {
  return { operations: ids.map((id) => ({ id, changes })) };
}

/** How many rows failed and the first reason, for the bar's message. */
export function failuresOf(response: BulkResponse): { failed: number; reason: string | null } {
  const failed = response.results.filter((r) => !r.ok);
  const first = failed[0];
  return { failed: failed.length, reason: first !== undefined && !first.ok ? first.error.message : null };
}

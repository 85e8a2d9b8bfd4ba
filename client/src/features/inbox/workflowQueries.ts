import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ConversationResponse, UpdateConversationRequest } from '../../../../common/types';
import {
  assignConversation,
  claimConversation,
  fetchConversationEvents,
  fetchUsers,
  fetchViewCounts,
  updateConversation,
} from '../../api/endpoints';
import { queryKeys } from '../../api/queryKeys';
import { undoChangesFor } from './bulk/undoChanges';
import { undoStore } from './bulk/undoStore';
import { newerConversation } from './conversationCache';

// Realtime events refresh the counts too (throttled); the interval catches snoozes that run out.
const COUNTS_REFRESH_MS = 30_000;
// Colleagues rarely change during a shift.
const USERS_STALE_MS = 5 * 60_000;

export function useViewCounts() {
  return useQuery({
    queryKey: queryKeys.viewCounts(),
    queryFn: fetchViewCounts,
    refetchInterval: COUNTS_REFRESH_MS,
  });
}

/** Colleagues for the assign picker and @mentions; fetched the first time one of them is needed. */
export function useUsers(enabled = true) {
  return useQuery({
    queryKey: queryKeys.users(),
    queryFn: fetchUsers,
    staleTime: USERS_STALE_MS,
    enabled,
  });
}

/** The audit trail, fetched only while the activity section is open. */
export function useConversationEvents(conversationId: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.conversationEvents(conversationId),
    queryFn: () => fetchConversationEvents(conversationId),
    enabled,
  });
}

/**
 * After a workflow change: keep the server's answer (unless a newer copy is cached), and refresh what it
 * moves: the lists and counts (a conversation changes view) and the activity trail.
 */
function applyWorkflowAnswer(queryClient: QueryClient, conversationId: string, answer: ConversationResponse) {
  queryClient.setQueryData<ConversationResponse>(queryKeys.conversation(conversationId), (cached) =>
    newerConversation(cached, answer),
  );
  refreshAround(queryClient, conversationId);
}

/**
 * Offers undo for a single action: the conversation as it was before (from the cache) against the
 * server's answer, only the fields that moved, and only if nobody changes it again meanwhile.
 */
function offerUndo(
  what: 'status' | 'assign' | 'fields',
  before: ConversationResponse | undefined,
  answer: ConversationResponse,
) {
  if (before === undefined) return;
  const after = answer.conversation;
  const changes = undoChangesFor(before.conversation, after);
  if (Object.keys(changes).length === 0) return;
  undoStore.record({
    what,
    count: 1,
    request: { operations: [{ id: after.id, expectVersion: after.version, changes }] },
  });
}

function refreshAround(queryClient: QueryClient, conversationId: string) {
  void queryClient.invalidateQueries({ queryKey: queryKeys.conversationLists() });
  void queryClient.invalidateQueries({ queryKey: queryKeys.viewCounts() });
  void queryClient.invalidateQueries({ queryKey: queryKeys.conversationEvents(conversationId) });
}

/**
 * Status, priority, tags and snooze. Priority, tags and snooze show at once (the next tag typed builds on
 * the one just added, not on the last server copy); a refused change is healed by refetching.
 */
export function useUpdateConversation(conversationId: string) {
  const queryClient = useQueryClient();
  const key = queryKeys.conversation(conversationId);
  return useMutation({
    mutationFn: (body: UpdateConversationRequest) => updateConversation(conversationId, body),
    onMutate: async ({ status: _status, ...fields }) => {
      const before = queryClient.getQueryData<ConversationResponse>(key);
      if (Object.keys(fields).length === 0) return { before };
      await queryClient.cancelQueries({ queryKey: key, exact: true });
      queryClient.setQueryData<ConversationResponse>(key, (cached) =>
        cached === undefined ? cached : { conversation: { ...cached.conversation, ...fields } },
      );
      return { before };
    },
    onSuccess: (answer, body, context) => {
      offerUndo(body.status !== undefined ? 'status' : 'fields', context?.before, answer);
      applyWorkflowAnswer(queryClient, conversationId, answer);
    },
    onError: () => void queryClient.invalidateQueries({ queryKey: key }),
  });
}

/** Assign to a colleague, or unassign with null. */
export function useAssignConversation(conversationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (assigneeId: string | null) => assignConversation(conversationId, { assigneeId }),
    onMutate: () => ({
      before: queryClient.getQueryData<ConversationResponse>(queryKeys.conversation(conversationId)),
    }),
    onSuccess: (answer, _assignee, context) => {
      offerUndo('assign', context?.before, answer);
      applyWorkflowAnswer(queryClient, conversationId, answer);
    },
  });
}

export function useClaimConversation(conversationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => claimConversation(conversationId),
    onMutate: () => ({
      before: queryClient.getQueryData<ConversationResponse>(queryKeys.conversation(conversationId)),
    }),
    onSuccess: (answer, _none, context) => {
      offerUndo('assign', context?.before, answer);
      applyWorkflowAnswer(queryClient, conversationId, answer);
    },
  });
}

/** The workflow mutations of one conversation, shared by the header actions and the keyboard shortcuts. */
export function useConversationWorkflow(conversationId: string) {
  return {
    // Separate from `fields`, so "Resolving…" shows for status changes only.
    status: useUpdateConversation(conversationId),
    fields: useUpdateConversation(conversationId),
    assign: useAssignConversation(conversationId),
    claim: useClaimConversation(conversationId),
  };
}

export type ConversationWorkflow = ReturnType<typeof useConversationWorkflow>;

import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ConversationResponse, CreateReplyRequest, ModerationRequest } from '../../../../common/types';
import {
  createNote,
  createReply,
  fetchConversation,
  fetchConversations,
  moderateMessage,
  retryMessage,
} from '../../api/endpoints';
import { queryKeys } from '../../api/queryKeys';
import { upsertMessage } from './conversationCache';
import type { ListQuery } from './listQuery';

export function useConversationList(query: ListQuery) {
  return useInfiniteQuery({
    queryKey: queryKeys.conversationList(query),
    queryFn: ({ pageParam }) => fetchConversations(query, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

export function useConversation(id: string) {
  return useQuery({ queryKey: queryKeys.conversation(id), queryFn: () => fetchConversation(id) });
}

/**
 * Shared cache update after a reply, retry or moderation: show the returned message right away, then refetch the
 * thread (an older request still in flight would otherwise overwrite it) and the lists (snippet, times).
 */
function useApplyMessage(conversationId: string) {
  const queryClient = useQueryClient();
  return (message: Parameters<typeof upsertMessage>[1]) => {
    const key = queryKeys.conversation(conversationId);
    queryClient.setQueryData<ConversationResponse>(key, (cached) => upsertMessage(cached, message));
    void queryClient.invalidateQueries({ queryKey: key });
    void queryClient.invalidateQueries({ queryKey: queryKeys.conversationLists() });
    // A reply to an unassigned conversation claims it, so the views' counts move too.
    void queryClient.invalidateQueries({ queryKey: queryKeys.viewCounts() });
  };
}

export function useSendReply(conversationId: string) {
  const applyMessage = useApplyMessage(conversationId);
  return useMutation({
    mutationFn: (body: CreateReplyRequest) => createReply(conversationId, body),
    onSuccess: ({ message }) => applyMessage(message),
  });
}

export function useRetryMessage(conversationId: string) {
  const applyMessage = useApplyMessage(conversationId);
  return useMutation({
    mutationFn: (messageId: string) => retryMessage(messageId),
    onSuccess: ({ message }) => applyMessage(message),
  });
}

/** Moderates one comment; the thread shows the returned state at once, the realtime event confirms it. */
export function useModerateMessage(conversationId: string, messageId: string) {
  const applyMessage = useApplyMessage(conversationId);
  return useMutation({
    mutationFn: (action: ModerationRequest['action']) => moderateMessage(messageId, { action }),
    onSuccess: ({ message }) => applyMessage(message),
  });
}

/** An internal note; shown at once like a reply, then confirmed by the refetch. */
export function useCreateNote(conversationId: string) {
  const applyMessage = useApplyMessage(conversationId);
  return useMutation({
    mutationFn: (text: string) => createNote(conversationId, { text }),
    onSuccess: ({ message }) => applyMessage(message),
  });
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ConversationResponse, MessageDto } from '../../../../common/types';
import { queryKeys } from '../../api/queryKeys';
import { upsertMessage } from '../inbox/conversationCache';
import { approveDraft, fetchPendingDrafts, rejectDraft } from './approvalApi';

/**
 * Under the conversation lists' key: every message or conversation event (a new draft, an approval
 * elsewhere) refreshes the count as well.
 */
export const pendingDraftsKey = () => [...queryKeys.conversationLists(), 'pending-drafts'] as const;

export function usePendingDrafts(enabled: boolean) {
  return useQuery({ queryKey: pendingDraftsKey(), queryFn: fetchPendingDrafts, enabled });
}

function useApplyReviewed(conversationId: string) {
  const queryClient = useQueryClient();
  return (message: MessageDto) => {
    const key = queryKeys.conversation(conversationId);
    queryClient.setQueryData<ConversationResponse>(key, (cached) => upsertMessage(cached, message));
    void queryClient.invalidateQueries({ queryKey: key });
    void queryClient.invalidateQueries({ queryKey: queryKeys.conversationLists() });
  };
}

export function useApproveDraft(conversationId: string, messageId: string) {
  const apply = useApplyReviewed(conversationId);
  return useMutation({
    mutationFn: (text: string | undefined) => approveDraft(messageId, text === undefined ? {} : { text }),
    onSuccess: ({ message }) => apply(message),
  });
}

export function useRejectDraft(conversationId: string, messageId: string) {
  const apply = useApplyReviewed(conversationId);
  return useMutation({
    mutationFn: (reason: string) => rejectDraft(messageId, { reason }),
    onSuccess: ({ message }) => apply(message),
  });
}

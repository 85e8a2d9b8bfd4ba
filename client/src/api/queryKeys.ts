import type { ConversationFilter } from './endpoints';

/**
 * Query keys in one place, shaped as a hierarchy so a realtime event can invalidate
 * "every conversation list" with one prefix while leaving unrelated detail queries alone.
 */
export const queryKeys = {
  me: () => ['me'] as const,
  conversations: () => ['conversations'] as const,
  conversationLists: () => ['conversations', 'list'] as const,
  conversationList: (status: ConversationFilter) => ['conversations', 'list', status] as const,
  conversationDetails: () => ['conversations', 'detail'] as const,
  conversation: (id: string) => ['conversations', 'detail', id] as const,
  /** Under the conversation's key, so whatever refreshes the conversation refreshes its activity too. */
  conversationEvents: (id: string) => ['conversations', 'detail', id, 'events'] as const,
  viewCounts: () => ['conversations', 'counts'] as const,
  users: () => ['users'] as const,
  channelAccounts: () => ['channel-accounts'] as const,
};

import { type ListQuery, normaliseFilters } from '../features/inbox/listQuery';

/**
 * Query keys in one place, shaped as a hierarchy so a realtime event can invalidate
 * "every conversation list" with one prefix while leaving unrelated detail queries alone.
 */
export const queryKeys = {
  me: () => ['me'] as const,
  conversations: () => ['conversations'] as const,
  conversationLists: () => ['conversations', 'list'] as const,
  conversationList: (query: ListQuery) =>
    [
      'conversations',
      'list',
      query.view,
      query.sort,
      JSON.stringify(normaliseFilters(query.filters)),
    ] as const,
  conversationDetails: () => ['conversations', 'detail'] as const,
  conversation: (id: string) => ['conversations', 'detail', id] as const,
  /** Under the conversation's key, so whatever refreshes the conversation refreshes its activity too. */
  conversationEvents: (id: string) => ['conversations', 'detail', id, 'events'] as const,
  viewCounts: () => ['conversations', 'counts'] as const,
  users: () => ['users'] as const,
  channelAccounts: () => ['channel-accounts'] as const,
  presence: () => ['presence'] as const,
  // Under 'conversations', so every conversation event refreshes their counts too.
  savedFilters: () => ['conversations', 'saved-filters'] as const,
  teams: () => ['teams'] as const,
  // Under 'conversations': every conversation event refreshes the lead's dashboard too.
  dashboard: () => ['conversations', 'dashboard'] as const,
  contacts: () => ['contacts'] as const,
  contactProfile: (id: string) => ['contacts', id] as const,
  notifications: () => ['notifications'] as const,
  cannedResponses: () => ['canned-responses'] as const,
  search: (q: string) => ['search', q] as const,
};

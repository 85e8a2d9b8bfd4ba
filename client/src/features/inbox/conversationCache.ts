import type { ConversationResponse, MessageDto } from '../../../../common/types';

/**
 * Puts a message returned by a send or retry into a cached conversation, replacing an older copy of the
 * same message, so the agent sees the new state at once instead of after the next refetch.
 * New messages go last: the thread is oldest first and a reply just sent is the newest.
 */
export function upsertMessage(
  cached: ConversationResponse | undefined,
  message: MessageDto,
): ConversationResponse | undefined {
  if (cached === undefined || cached.conversation.id !== message.conversationId) return cached;
  const messages = cached.conversation.messages;
  const index = messages.findIndex((existing) => existing.id === message.id);
  const nextMessages =
    index === -1 ? [...messages, message] : messages.map((existing, i) => (i === index ? message : existing));
  return { conversation: { ...cached.conversation, messages: nextMessages } };
}

/**
 * The copy to keep when the server answers a workflow change: its answer, unless the cache already holds
 * a newer version (two quick changes whose answers arrived out of order).
 */
export function newerConversation(
  cached: ConversationResponse | undefined,
  answer: ConversationResponse,
): ConversationResponse {
  if (cached === undefined || cached.conversation.id !== answer.conversation.id) return answer;
  return cached.conversation.version > answer.conversation.version ? cached : answer;
}

import type { ConversationSummary } from '../../../../common/types';

/** Lower case without accents, so "muller" finds "Müller" and "CAFE" finds "café". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

/**
 * The loaded rows matching the search box: every word typed must appear in the customer's name, handle
 * or the snippet. Client-side only, so it searches what is loaded, not the whole inbox.
 */
export function filterConversations(
  conversations: readonly ConversationSummary[],
  query: string,
): ConversationSummary[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...conversations];
  return conversations.filter((conversation) => {
    const { name, handle } = conversation.contact;
    const haystack = fold(`${name} @${handle} ${conversation.snippet}`);
    return words.every((word) => haystack.includes(word));
  });
}

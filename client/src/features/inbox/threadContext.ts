import type { MessageDto } from '../../../../common/types';

/**
 * Which messages get the page post they were written under shown above them: the first message of each
 * run of comments under the same post, so a thread under one post shows it once, and a conversation that
 * moves to another post shows the new one where it starts. Messages without a post (replies, notes,
 * Messenger) neither show one nor end a run.
 */
export function contextPostStarts(
  messages: ReadonlyArray<Pick<MessageDto, 'id' | 'contextPost'>>,
): Set<string> {
  const starts = new Set<string>();
  let current: string | null = null;
  for (const message of messages) {
    const post = message.contextPost;
    if (post === null || post.externalId === current) continue;
    starts.add(message.id);
    current = post.externalId;
  }
  return starts;
}

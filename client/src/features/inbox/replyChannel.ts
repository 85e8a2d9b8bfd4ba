import type { MessageChannel, MessageDto } from '../../../../common/types';

/**
 * The channel a reply starts on: a direct message when the customer's latest message was one (answering
 * a DM in public would expose their private question), a public reply otherwise.
 */
export function defaultReplyChannel(
  messages: ReadonlyArray<Pick<MessageDto, 'direction' | 'channel'>>,
): MessageChannel {
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i];
    if (message?.direction === 'inbound') return message.channel === 'dm' ? 'dm' : 'public';
  }
  return 'public';
}

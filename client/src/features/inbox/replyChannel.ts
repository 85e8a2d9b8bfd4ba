import type { MessageChannel, MessageDto, ReplyKind, ReplyOption } from '../../../../common/types';

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

/**
 * The reply kind the composer starts on: the channel defaultReplyChannel picks when it is offered and
 * allowed, otherwise the first allowed kind, so a closed Messenger window never preselects a reply that
 * cannot be sent. With nothing allowed it still shows the preferred (or first) kind, whose reason then
 * explains why. `options` is in display order (see replyOptionsOf).
 */
export function defaultReplyKind(
  messages: ReadonlyArray<Pick<MessageDto, 'direction' | 'channel'>>,
  options: ReadonlyArray<Pick<ReplyOption, 'kind' | 'allowed'>>,
): ReplyKind | null {
  const preferred = defaultReplyChannel(messages);
  const allowed = options.filter((option) => option.allowed);
  if (allowed.some((option) => option.kind === preferred)) return preferred;
  if (allowed[0] !== undefined) return allowed[0].kind;
  if (options.some((option) => option.kind === preferred)) return preferred;
  return options[0]?.kind ?? null;
}

import type { MessageDto, ModerationRequest, Platform, Role } from '../../../../common/types';

type ModeratedMessage = Pick<MessageDto, 'direction' | 'channel' | 'moderation'>;

/**
 * Whether a message can be moderated from Caredesk: a customer's public comment on a Facebook page.
 * Direct messages cannot be hidden, and X offers no moderation of other people's posts.
 */
export function isModeratable(
  message: Pick<MessageDto, 'direction' | 'channel'>,
  platform: Platform,
): boolean {
  return platform === 'facebook' && message.direction === 'inbound' && message.channel === 'public';
}

/** Community guides answer customers but do not moderate them; the server refuses it as well. */
export function mayModerate(role: Role): boolean {
  return role !== 'guide';
}

/**
 * The actions that make sense for a comment's current state: hide or unhide (whichever changes it), and
 * delete; nothing once it is deleted, because a deleted comment cannot come back.
 */
export function moderationActions(message: ModeratedMessage): ModerationRequest['action'][] {
  if (message.moderation.deleted) return [];
  return [message.moderation.hidden ? 'unhide' : 'hide', 'delete'];
}

import type { MessageDto, Platform, ReplyKind, ReplyOption } from '../../common/types';
import { X_MAX_WEIGHTED_LENGTH } from '../../common/xText';

/** X allows 10,000 characters in a DM (UNCONFIRMED for v2; the documented v1.1 limit). */
export const X_DM_MAX_LENGTH = 10_000;
/** Facebook comment length limit: UNCONFIRMED (8,000 is commonly cited). */
export const FB_COMMENT_MAX_LENGTH = 8000;
/** Messenger text limit (Send API): 2,000 characters. */
export const MESSENGER_MAX_LENGTH = 2000;
export const HOUR = 3600_000;
/**
 * Images (PNG, JPEG, GIF, WebP up to the upload limit) go with Facebook comment replies (Graph
 * `attachment_url`) and with X replies and DMs (uploaded to X first); Messenger stays text only.
 */
const ATTACH_OK = { allowed: true, reason: null };
const NO_MESSENGER_MEDIA = {
  allowed: false,
  reason: 'Caredesk sends Messenger messages and private replies as text only',
};
export const DAY = 24 * HOUR;

const at = (m: MessageDto) => Date.parse(m.platformCreatedAt ?? m.receivedAt);
const last = <T>(items: T[]) => items[items.length - 1];

/** The customer's newest public post/comment we can answer (not deleted on the platform). */
export function latestPublicInbound(messages: MessageDto[]): MessageDto | undefined {
  return last(
    messages.filter(
      (m) => m.direction === 'inbound' && m.channel === 'public' && m.externalId && !m.moderation.deleted,
    ),
  );
}

/** Messenger: which window applies to a message sent now (null: none). */
export function messengerWindow(
  messages: MessageDto[],
  now: number,
): { tag: 'HUMAN_AGENT' | null; until: number } | null {
  const lastDm = last(messages.filter((m) => m.direction === 'inbound' && m.channel === 'dm'));
  if (!lastDm) return null;
  const t = at(lastDm);
  if (now < t + DAY) return { tag: null, until: t + DAY };
  if (now < t + 7 * DAY) return { tag: 'HUMAN_AGENT', until: t + 7 * DAY };
  return null;
}

/**
 * Which reply kinds are possible now and why not — computed from the conversation, so the composer
 * can say so before sending and the server refuses the same cases (never a silent drop).
 */
export function replyOptionsFor(platform: Platform, messages: MessageDto[], now: number): ReplyOption[] {
  const publicTarget = latestPublicInbound(messages);
  const hasPublic = messages.some((m) => m.direction === 'inbound' && m.channel === 'public');
  const hasDm = messages.some((m) => m.direction === 'inbound' && m.channel === 'dm');
  const options: ReplyOption[] = [];
  const publicOption = (maxLength: number, weighted: boolean): ReplyOption => ({
    kind: 'public',
    allowed: Boolean(publicTarget),
    reason: publicTarget ? null : 'There is no public customer post to reply to (deleted?)',
    until: null,
    maxLength,
    weighted,
    attachments: ATTACH_OK,
  });

  if (platform === 'x') {
    options.push(publicOption(X_MAX_WEIGHTED_LENGTH, true));
    options.push({
      kind: 'dm',
      allowed: true,
      reason: null,
      until: null,
      maxLength: X_DM_MAX_LENGTH,
      weighted: false,
      attachments: ATTACH_OK,
    });
    return options;
  }

  if (hasPublic) {
    options.push(publicOption(FB_COMMENT_MAX_LENGTH, false));
    const comment = publicTarget;
    const deadline = comment ? at(comment) + 7 * DAY : 0;
    const already = comment
      ? messages.some(
          (m) =>
            m.privateReply &&
            m.inReplyToExternalId === comment.externalId &&
            m.deliveryState !== 'failed' &&
            m.approval?.state !== 'rejected',
        )
      : false;
    let reason: string | null = null;
    if (!comment) reason = 'There is no comment to answer privately';
    else if (already)
      reason = 'This comment was already answered privately (Facebook allows one private reply)';
    else if (now > deadline) reason = 'Private replies are possible only within 7 days of the comment';
    options.push({
      kind: 'private_reply',
      allowed: reason === null,
      reason,
      until: comment ? new Date(deadline).toISOString() : null,
      maxLength: MESSENGER_MAX_LENGTH,
      weighted: false,
      attachments: NO_MESSENGER_MEDIA,
    });
  }
  if (hasDm) {
    const window = messengerWindow(messages, now);
    const lastDm = last(messages.filter((m) => m.direction === 'inbound' && m.channel === 'dm'));
    const closedAt = lastDm ? new Date(at(lastDm) + DAY).toISOString() : null;
    options.push({
      kind: 'dm',
      allowed: window !== null,
      reason:
        window === null
          ? 'Outside the 7-day window: Messenger allows no reply until the customer writes again'
          : window.tag
            ? `The 24-hour window closed at ${closedAt}; until the 7-day limit only human-written replies (HUMAN_AGENT tag)`
            : null,
      until: window ? new Date(window.until).toISOString() : null,
      maxLength: MESSENGER_MAX_LENGTH,
      weighted: false,
      attachments: NO_MESSENGER_MEDIA,
    });
  }
  return options;
}

export function findOption(options: ReplyOption[], kind: ReplyKind): ReplyOption | undefined {
  return options.find((o) => o.kind === kind);
}

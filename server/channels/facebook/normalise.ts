import type { MediaDto } from '../../../common/types';
import type { InboundItem } from '../adapter';
import type { FbComment, FbMessage } from './schemas';

export interface FbPostRef {
  externalId: string;
  text: string;
  url: string | null;
}

/** Comments and their replies are one conversation: keyed by the top-level comment. */
export const fbCommentThreadKey = (
  comment: { id: string; parent?: { id: string } | undefined },
  topLevelOf?: (id: string) => string,
) => `fbc:${comment.parent ? (topLevelOf?.(comment.parent.id) ?? comment.parent.id) : comment.id}`;

function attachmentMedia(c: FbComment): MediaDto[] {
  const img = c.attachment?.media?.image;
  if (!img?.src?.startsWith('https://')) return [];
  const type = c.attachment?.type?.includes('video')
    ? 'video'
    : c.attachment?.type?.includes('animated')
      ? 'animated_gif'
      : 'photo';
  return [{ type, url: img.src, altText: null, width: img.width ?? null, height: img.height ?? null }];
}

export function normaliseFbComment(c: FbComment, post: FbPostRef, pageId: string): InboundItem {
  const authorId = c.from?.id ?? 'unknown';
  return {
    externalId: c.id,
    threadKey: fbCommentThreadKey(c),
    channel: 'public',
    text: c.message ?? '',
    author: {
      platformUserId: authorId,
      handle: '',
      name: c.from?.name ?? '',
      avatarUrl: null,
      followersCount: null,
      verified: false,
    },
    fromAccount: authorId === pageId,
    inReplyToExternalId: c.parent?.id ?? null,
    createdAt: new Date(c.created_time).toISOString(),
    context: {
      media: attachmentMedia(c),
      entities: null,
      quoted: null,
      url: c.permalink_url ?? null,
      contextPost: post,
    },
    raw: c,
  };
}

/** A Messenger message; the customer is the participant that is not the page. */
export function normaliseFbMessage(m: FbMessage, psid: string, pageId: string): InboundItem {
  const authorId = m.from?.id ?? psid;
  return {
    externalId: m.id,
    threadKey: `fbm:${psid}`,
    channel: 'dm',
    text: m.message ?? '',
    author: {
      platformUserId: authorId,
      handle: '',
      name: m.from?.name ?? '',
      avatarUrl: null,
      followersCount: null,
      verified: false,
    },
    fromAccount: authorId === pageId,
    inReplyToExternalId: null,
    createdAt: new Date(m.created_time).toISOString(),
    context: { media: [], entities: null, quoted: null, url: null, counterpartId: psid },
    raw: m,
  };
}

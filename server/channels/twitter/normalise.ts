import type { MediaDto, QuotedPostDto, TextEntities } from '../../../common/types';
import type { InboundItem, MessageContext, PlatformUser } from '../adapter';
import type { XDmEvent, XDmEvents, XIncludes, XMedia, XPost, XTimeline, XUser } from './schemas';

export function normaliseXUser(user: XUser | undefined, fallbackId: string): PlatformUser {
  return {
    platformUserId: user?.id ?? fallbackId,
    handle: user?.username ?? '',
    name: user?.name ?? '',
    avatarUrl: user?.profile_image_url ?? null,
    followersCount: user?.public_metrics?.followers_count ?? null,
    verified: user?.verified ?? false,
  };
}

/**
 * One Caredesk conversation per X thread and customer: `conversation_id` is the thread root shared
 * by every reply at any depth, so a customer's follow-ups land in the same conversation, while a
 * second customer joining the thread gets their own.
 */
export function xThreadKey(post: XPost): string {
  return `${post.conversation_id ?? post.id}:${post.author_id ?? 'unknown'}`;
}

export const xPostUrl = (handle: string, id: string) => `https://x.com/${handle || 'i/web'}/status/${id}`;

const https = (url: string | undefined) => (url?.startsWith('https://') ? url : null);

function toMedia(media: XMedia): MediaDto | null {
  const url = https(media.type === 'photo' ? media.url : (media.preview_image_url ?? media.url));
  if (!url) return null;
  return {
    type: media.type,
    url,
    altText: media.alt_text ?? null,
    width: media.width ?? null,
    height: media.height ?? null,
  };
}

function mediaFor(keys: string[] | undefined, includes: XIncludes): MediaDto[] {
  if (!keys?.length) return [];
  const byKey = new Map((includes?.media ?? []).map((m) => [m.media_key, m]));
  return keys.flatMap((k) => {
    const m = byKey.get(k);
    const dto = m ? toMedia(m) : null;
    return dto ? [dto] : [];
  });
}

function toEntities(post: XPost): TextEntities | null {
  const e = post.entities;
  if (!e) return null;
  return {
    urls: (e.urls ?? []).map((u) => ({
      start: u.start,
      end: u.end,
      url: u.url,
      expandedUrl: u.expanded_url ?? u.url,
      displayUrl: u.display_url ?? u.expanded_url ?? u.url,
    })),
    mentions: (e.mentions ?? []).map((m) => ({ start: m.start, end: m.end, username: m.username })),
    hashtags: (e.hashtags ?? []).map((h) => ({ start: h.start, end: h.end, tag: h.tag })),
  };
}

function quotedFor(post: XPost, includes: XIncludes, users: Map<string, XUser>): QuotedPostDto | null {
  const ref = post.referenced_tweets?.find((r) => r.type === 'quoted');
  const quoted = ref ? includes?.tweets?.find((t) => t.id === ref.id) : undefined;
  if (!ref || !quoted) return null;
  const author = quoted.author_id ? users.get(quoted.author_id) : undefined;
  return {
    externalId: quoted.id,
    text: quoted.text,
    authorName: author?.name ?? '',
    authorHandle: author?.username ?? '',
    url: xPostUrl(author?.username ?? '', quoted.id),
  };
}

export function normaliseXPost(post: XPost, includes: XIncludes, accountUserId: string): InboundItem {
  const users = new Map((includes?.users ?? []).map((u) => [u.id, u]));
  const authorId = post.author_id ?? 'unknown';
  const author = normaliseXUser(users.get(authorId), authorId);
  const repliedTo = post.referenced_tweets?.find((r) => r.type === 'replied_to');
  const supersedes = (post.edit_history_tweet_ids ?? []).filter((id) => id !== post.id);
  const context: MessageContext = {
    media: mediaFor(post.attachments?.media_keys, includes),
    entities: toEntities(post),
    quoted: quotedFor(post, includes, users),
    url: xPostUrl(author.handle, post.id),
  };
  return {
    externalId: post.id,
    threadKey: xThreadKey(post),
    channel: 'public',
    text: post.text,
    author,
    fromAccount: authorId === accountUserId,
    inReplyToExternalId: repliedTo?.id ?? null,
    createdAt: post.created_at ?? new Date().toISOString(),
    context,
    ...(supersedes.length > 0 ? { supersedes } : {}),
    ...(isLanguageCode(post.lang) ? { lang: post.lang } : {}),
    raw: post,
  };
}

/**
 * X tags posts with a BCP 47 code, or "und" (undetermined), "zxx" (no text), "qme"/"qht"/"qam" etc. (only
 * media, hashtags, mentions): only real language codes are kept.
 */
function isLanguageCode(lang: string | undefined): lang is string {
  return lang !== undefined && /^[a-z]{2}$/.test(lang);
}

/** Turns a mentions/search/timeline page into items; pure retweets are not tickets. */
export function normaliseXTimeline(page: XTimeline, accountUserId: string): InboundItem[] {
  return (page.data ?? [])
    .filter((post) => !post.referenced_tweets?.some((r) => r.type === 'retweeted'))
    .map((post) => normaliseXPost(post, page.includes, accountUserId));
}

/** The other participant of a one-to-one DM conversation id "<id>-<id>". */
export function dmCounterpart(dmConversationId: string, accountUserId: string): string | null {
  const ids = dmConversationId.split('-');
  if (ids.length !== 2) return null;
  return ids[0] === accountUserId ? (ids[1] ?? null) : (ids[0] ?? null);
}

export function normaliseXDm(
  event: XDmEvent,
  includes: XIncludes,
  accountUserId: string,
): InboundItem | null {
  if (event.event_type !== 'MessageCreate' || !event.dm_conversation_id || !event.sender_id) return null;
  const users = new Map((includes?.users ?? []).map((u) => [u.id, u]));
  const counterpart = dmCounterpart(event.dm_conversation_id, accountUserId);
  return {
    externalId: event.id,
    threadKey: `dm:${event.dm_conversation_id}`,
    channel: 'dm',
    text: event.text ?? '',
    author: normaliseXUser(users.get(event.sender_id), event.sender_id),
    fromAccount: event.sender_id === accountUserId,
    inReplyToExternalId: null,
    createdAt: event.created_at ?? new Date().toISOString(),
    context: {
      media: mediaFor(event.attachments?.media_keys, includes),
      entities: null,
      quoted: null,
      url: null,
      dmConversationId: event.dm_conversation_id,
      ...(counterpart ? { counterpartId: counterpart } : {}),
    },
    raw: event,
  };
}

export function normaliseXDmEvents(page: XDmEvents, accountUserId: string): InboundItem[] {
  return (page.data ?? []).flatMap((e) => {
    const item = normaliseXDm(e, page.includes, accountUserId);
    return item ? [item] : [];
  });
}

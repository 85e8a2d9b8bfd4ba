import type { InboundItem, PlatformUser } from '../adapter';
import type { XPost, XTimeline, XUser } from './schemas';

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

export function normaliseXPost(post: XPost, users: Map<string, XUser>, accountUserId: string): InboundItem {
  const authorId = post.author_id ?? 'unknown';
  const repliedTo = post.referenced_tweets?.find((r) => r.type === 'replied_to');
  return {
    externalId: post.id,
    threadKey: xThreadKey(post),
    text: post.text,
    author: normaliseXUser(users.get(authorId), authorId),
    fromAccount: authorId === accountUserId,
    inReplyToExternalId: repliedTo?.id ?? null,
    createdAt: post.created_at ?? new Date().toISOString(),
    raw: post,
  };
}

/** Turns a mentions/search page into items; pure retweets are not tickets. */
export function normaliseXTimeline(page: XTimeline, accountUserId: string): InboundItem[] {
  const users = new Map((page.includes?.users ?? []).map((u) => [u.id, u]));
  return (page.data ?? [])
    .filter((post) => !post.referenced_tweets?.some((r) => r.type === 'retweeted'))
    .map((post) => normaliseXPost(post, users, accountUserId));
}

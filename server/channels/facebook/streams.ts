import type { AccountSettings } from '../accountSettings';
import type { InboundItem, RateLimitSnapshot, StreamCursor, StreamFetch, StreamSpec } from '../adapter';
import { GRAPH_ENDPOINT, type GraphApi } from './graph';
import { normaliseFbComment, normaliseFbMessage } from './normalise';
import {
  fbCommentSchema,
  fbConversationSchema,
  fbFeedCursorSchema,
  fbListSchema,
  fbMessageSchema,
  fbMessengerCursorSchema,
  fbPostSchema,
} from './schemas';

/** Re-read comments this far back: Graph can show comments late, duplicates are harmless. */
export const FB_OVERLAP_MS = 120_000;
const HOUR = 3600_000;
const COMMENT_FIELDS = 'id,message,created_time,from,parent{id},is_hidden,permalink_url,attachment';

export function fbStreamSpecs(settings: AccountSettings): StreamSpec[] {
  const min = Math.max(settings.pollMinIntervalMs, 5000);
  const max = settings.pollMaxIntervalMs;
  return [
    { key: 'feed', endpoint: GRAPH_ENDPOINT, bucket: 'mentions', minIntervalMs: min, maxIntervalMs: max },
    { key: 'messenger', endpoint: GRAPH_ENDPOINT, bucket: 'dms', minIntervalMs: min, maxIntervalMs: max },
  ];
}

/**
 * How often a post's comments are read: posts with recent activity every poll, quieter ones
 * less often (a comment on a week-old post still arrives, within the hour).
 */
export function postDue(p: { checkedAt: number; activeAt: number }, now: number): boolean {
  const quiet = now - p.activeAt;
  const every = quiet < 2 * HOUR ? 0 : quiet < 2 * 24 * HOUR ? 5 * 60_000 : 60 * 60_000;
  return now - p.checkedAt >= every;
}

/** Page posts, then the comments (all levels, newest first) of every post that is due. */
export async function fetchFeed(
  api: GraphApi,
  pageId: string,
  cursor: StreamCursor | null,
): Promise<StreamFetch> {
  const state = fbFeedCursorSchema.parse(cursor ?? {});
  const now = api.now();
  const usage: RateLimitSnapshot[] = [];
  const items: InboundItem[] = [];
  let reads = 0;
  const posts = await api.get(
    `${pageId}/published_posts`,
    { fields: 'id,message,created_time,updated_time,permalink_url', limit: 25 },
    fbListSchema(fbPostSchema),
  );
  usage.push(...posts.usage);
  reads += posts.body.data.length;
  const next = { ...state.posts };
  for (const post of posts.body.data) {
    const updated = Date.parse(post.updated_time ?? post.created_time);
    const known = next[post.id];
    const entry = known
      ? { ...known, activeAt: Math.max(known.activeAt, updated) }
      : {
          checkedAt: 0,
          lastCommentAt: cursor === null ? now : 0,
          activeAt: updated,
          message: post.message ?? '',
          url: post.permalink_url ?? null,
        };
    next[post.id] = entry;
    if (cursor === null || !(updated > entry.checkedAt || postDue(entry, now))) continue;
    const since = Math.floor((entry.lastCommentAt - FB_OVERLAP_MS) / 1000);
    let page = await api.get(
      `${post.id}/comments`,
      {
        filter: 'stream',
        order: 'reverse_chronological',
        fields: COMMENT_FIELDS,
        limit: 100,
        ...(entry.lastCommentAt > 0 ? { since } : {}),
      },
      fbListSchema(fbCommentSchema),
    );
    const ref = { externalId: post.id, text: entry.message, url: entry.url };
    let newest = entry.lastCommentAt;
    // Stop when `next` is absent; an empty page with `next` goes on (Graph does that).
    for (let pages = 1; ; pages++) {
      usage.push(...page.usage);
      reads += page.body.data.length;
      for (const c of page.body.data) {
        items.push(normaliseFbComment(c, ref, pageId));
        newest = Math.max(newest, Date.parse(c.created_time));
      }
      // Graph refuses cursors deeper than ~500 comments; the next poll continues from `since`.
      if (!page.body.paging?.next || pages >= 5) break;
      page = await api.getUrl(page.body.paging.next, fbListSchema(fbCommentSchema));
    }
    next[post.id] = {
      ...entry,
      checkedAt: now,
      lastCommentAt: newest,
      activeAt: Math.max(entry.activeAt, newest),
    };
  }
  // Forget posts quiet for 30 days; a new comment bumps updated_time and brings them back.
  for (const [id, p] of Object.entries(next)) if (now - p.activeAt > 30 * 24 * HOUR) delete next[id];
  return { items, cursor: { posts: next }, rateLimits: usage, reads };
}

/** Messenger: conversations updated since we last looked, and their new messages. */
export async function fetchMessenger(
  api: GraphApi,
  pageId: string,
  cursor: StreamCursor | null,
): Promise<StreamFetch> {
  const state = fbMessengerCursorSchema.parse(cursor ?? {});
  const usage: RateLimitSnapshot[] = [];
  const items: InboundItem[] = [];
  let reads = 0;
  const list = await api.get(
    `${pageId}/conversations`,
    { platform: 'messenger', fields: 'id,updated_time,participants', limit: 25 },
    fbListSchema(fbConversationSchema),
  );
  usage.push(...list.usage);
  reads += list.body.data.length;
  const next = { ...state.conversations };
  for (const conv of list.body.data) {
    const updated = Date.parse(conv.updated_time);
    const seen = next[conv.id];
    if (cursor === null) {
      next[conv.id] = updated;
      continue;
    }
    if (seen !== undefined && updated <= seen) continue;
    const psid = conv.participants?.data.find((p) => p.id !== pageId)?.id;
    if (!psid) continue;
    let messages = await api.get(
      `${conv.id}/messages`,
      { fields: 'id,message,created_time,from,to', limit: 100 },
      fbListSchema(fbMessageSchema),
    );
    let newest = seen ?? 0;
    // Newest first: page until messages we have already read (or three pages).
    for (let pages = 1; ; pages++) {
      usage.push(...messages.usage);
      reads += messages.body.data.length;
      let reachedSeen = false;
      for (const m of messages.body.data) {
        const t = Date.parse(m.created_time);
        if (seen !== undefined && t <= seen - FB_OVERLAP_MS) {
          reachedSeen = true;
          continue;
        }
        items.push(normaliseFbMessage(m, psid, pageId));
        newest = Math.max(newest, t);
      }
      if (reachedSeen || !messages.body.paging?.next || pages >= 3) break;
      messages = await api.getUrl(messages.body.paging.next, fbListSchema(fbMessageSchema));
    }
    next[conv.id] = Math.max(newest, updated);
  }
  return { items, cursor: { conversations: next }, rateLimits: usage, reads };
}

import type { AccountSettings } from '../accountSettings';
import type {
  InboundItem,
  IngestGap,
  RateLimitSnapshot,
  StreamCursor,
  StreamFetch,
  StreamSpec,
} from '../adapter';
import { ChannelAuthError, ChannelRateLimitError } from '../errors';
import type { XApi } from './api';
import { normaliseXDmEvents, normaliseXTimeline } from './normalise';
import {
  DM_EXPANSIONS,
  DM_FIELDS,
  EXPANSIONS,
  MEDIA_FIELDS,
  TWEET_FIELDS,
  USER_FIELDS,
  xDmCursorSchema,
  xDmEventsSchema,
  xSinceCursorSchema,
  xTimelineSchema,
} from './schemas';

export const MENTIONS_ENDPOINT = 'GET /2/users/:id/mentions';
export const OWN_ENDPOINT = 'GET /2/users/:id/tweets';
export const SEARCH_ENDPOINT = 'GET /2/tweets/search/recent';
export const DMS_ENDPOINT = 'GET /2/dm_events';
/** X returns only the newest 800 mentions, however you page (channel-apis.md §2). */
export const MENTIONS_REACHABLE = 800;
/** Re-read this much of the recent past every poll: X can make posts visible late. */
export const OVERLAP_MS = 120_000;

export interface XAccountRef {
  userId: string;
  handle: string;
}

/** The streams of an X account. DMs are limited to 15 reads per 15 minutes, so they run slower. */
export function xStreamSpecs(settings: AccountSettings): StreamSpec[] {
  const min = settings.pollMinIntervalMs;
  const max = settings.pollMaxIntervalMs;
  return [
    {
      key: 'mentions',
      endpoint: MENTIONS_ENDPOINT,
      bucket: 'mentions',
      minIntervalMs: min,
      maxIntervalMs: max,
    },
    {
      key: 'own',
      endpoint: OWN_ENDPOINT,
      bucket: 'own',
      minIntervalMs: Math.max(min, 15_000),
      maxIntervalMs: max,
    },
    {
      key: 'dms',
      endpoint: DMS_ENDPOINT,
      bucket: 'dms',
      minIntervalMs: Math.max(min, settings.dmPollMinIntervalMs),
      maxIntervalMs: Math.max(max, settings.dmPollMinIntervalMs * 5),
    },
    ...settings.searchQueries.map((q) => ({
      key: `search:${q}`,
      endpoint: SEARCH_ENDPOINT,
      bucket: 'search' as const,
      minIntervalMs: Math.max(min, 15_000),
      maxIntervalMs: max,
    })),
  ];
}

/** since_id for this poll: the position we had OVERLAP_MS ago, so late-visible posts are read again. */
function overlapSince(
  cursor: { sinceId: string | null; checkpoints: Array<{ id: string; at: number }> },
  now: number,
) {
  const old = cursor.checkpoints.filter((c) => c.at <= now - OVERLAP_MS);
  const base = old.length > 0 ? old[old.length - 1] : cursor.checkpoints[0];
  return base?.id ?? cursor.sinceId;
}

function nextCheckpoints(
  checkpoints: Array<{ id: string; at: number }>,
  newestId: string | null,
  now: number,
) {
  // The newest checkpoint older than the overlap window is the next since_id: always keep it.
  const anchor = checkpoints.filter((c) => c.at <= now - OVERLAP_MS).pop();
  let recent = checkpoints.filter((c) => c.at > now - OVERLAP_MS);
  const last = recent[recent.length - 1] ?? anchor;
  if (newestId && last?.id !== newestId) recent.push({ id: newestId, at: now });
  // Thin out, never drop the ends: a coarser list only makes the overlap a little longer.
  while (recent.length > 30) recent = recent.filter((_, i) => i % 2 === 0 || i === recent.length - 1);
  return anchor ? [anchor, ...recent] : recent;
}

/**
 * Pages a since_id timeline newest-first until it is exhausted (or `maxPages`). The cursor moves
 * only when every page was read; a failure after the first page returns what was read, unmoved.
 */
async function pagedSince(
  api: XApi,
  o: {
    endpoint: string;
    path: string;
    query: Record<string, string | number>;
    tokenParam: string;
    maxPages: number;
  },
  cursor: StreamCursor | null,
  account: XAccountRef,
  cap?: number,
): Promise<StreamFetch> {
  const state = xSinceCursorSchema.parse(cursor ?? { sinceId: null });
  const now = api.now();
  const since = overlapSince(state, now);
  const items: InboundItem[] = [];
  const rateLimits: RateLimitSnapshot[] = [];
  let newest: string | null = null;
  let token: string | undefined;
  let pages = 0;
  let reads = 0;
  let oldest: string | null = null;
  // Never read before: start from now (newest page). Read before but empty: everything is new.
  const maxPages = cursor === null ? 1 : o.maxPages;
  try {
    while (pages < maxPages) {
      const query = {
        ...o.query,
        ...(since ? { since_id: since } : {}),
        ...(token ? { [o.tokenParam]: token } : {}),
      };
      const res = await api.get(o.endpoint, o.path, query, xTimelineSchema);
      pages++;
      if (res.rateLimit) rateLimits.push(res.rateLimit);
      newest ??= res.body.meta.newest_id ?? null;
      oldest = res.body.meta.oldest_id ?? oldest;
      reads += res.body.meta.result_count;
      items.push(...normaliseXTimeline(res.body, account.userId));
      token = res.body.meta.next_token;
      if (!token) break;
    }
  } catch (error) {
    // Auth and rate-limit errors concern the whole stream: let the poller act on them.
    if (pages === 0 || error instanceof ChannelAuthError || error instanceof ChannelRateLimitError)
      throw error;
    return { items, cursor: state, rateLimits, reads, incomplete: error as Error };
  }
  const newestId = maxId(state.sinceId, newest);
  // Reading back into the overlap window re-reads posts seen before (for the ones X shows late); only
  // an unread range newer than the last cursor is a gap. At high volume the window alone holds more
  // than the cap, and calling that a gap would flag every poll of a busy account.
  const unreadRemains = oldest !== null && (state.sinceId === null || BigInt(oldest) > BigInt(state.sinceId));
  const lastRead = state.sinceId ?? since;
  let gap: IngestGap | undefined;
  if (cap && since !== null && reads >= cap && oldest && unreadRemains) {
    gap = {
      newerThanId: lastRead,
      olderThanId: oldest,
      note: `X returns only the newest ${cap} mentions; mentions older than ${oldest} and newer than ${lastRead} may be missing`,
    };
  } else if (token && since !== null && oldest && unreadRemains) {
    // More pages than one poll reads: say so rather than skip them silently.
    gap = {
      newerThanId: lastRead,
      olderThanId: oldest,
      note: `More than ${o.maxPages * 100} posts since the last read; older ones than ${oldest} were skipped`,
    };
  }
  return {
    items,
    cursor: { sinceId: newestId, checkpoints: nextCheckpoints(state.checkpoints, newestId, now) },
    rateLimits,
    reads,
    ...(gap ? { gap } : {}),
  };
}

const maxId = (a: string | null, b: string | null) => {
  if (a === null) return b;
  if (b === null) return a;
  return BigInt(a) >= BigInt(b) ? a : b;
};

const timelineQuery = {
  max_results: 100,
  'tweet.fields': TWEET_FIELDS,
  'user.fields': USER_FIELDS,
  'media.fields': MEDIA_FIELDS,
  expansions: EXPANSIONS,
};

export function fetchMentions(api: XApi, account: XAccountRef, cursor: StreamCursor | null) {
  return pagedSince(
    api,
    {
      endpoint: MENTIONS_ENDPOINT,
      path: `users/${account.userId}/mentions`,
      query: timelineQuery,
      tokenParam: 'pagination_token',
      maxPages: 9,
    },
    cursor,
    account,
    MENTIONS_REACHABLE,
  );
}

export function fetchOwnPosts(api: XApi, account: XAccountRef, cursor: StreamCursor | null) {
  return pagedSince(
    api,
    {
      endpoint: OWN_ENDPOINT,
      path: `users/${account.userId}/tweets`,
      query: { ...timelineQuery, exclude: 'retweets' },
      tokenParam: 'pagination_token',
      maxPages: 3,
    },
    cursor,
    account,
  );
}

/** Keyword capture: posts that name the brand without @-mentioning it; never the brand's own. */
export function fetchSearch(api: XApi, account: XAccountRef, query: string, cursor: StreamCursor | null) {
  return pagedSince(
    api,
    {
      endpoint: SEARCH_ENDPOINT,
      path: 'tweets/search/recent',
      query: { ...timelineQuery, query: `(${query}) -is:retweet -from:${account.handle}` },
      // Search pages with next_token, the user timelines with pagination_token.
      tokenParam: 'next_token',
      maxPages: 3,
    },
    cursor,
    account,
  );
}

/** DM events have no since_id: page newest-first until an event we already have. */
export async function fetchDms(
  api: XApi,
  account: XAccountRef,
  cursor: StreamCursor | null,
): Promise<StreamFetch> {
  const { newestId } = xDmCursorSchema.parse(cursor ?? { newestId: null });
  const items: InboundItem[] = [];
  const rateLimits: RateLimitSnapshot[] = [];
  let token: string | undefined;
  let reads = 0;
  let newest: string | null = null;
  for (let page = 0; page < (cursor === null ? 1 : 3); page++) {
    const res = await api.get(
      DMS_ENDPOINT,
      'dm_events',
      {
        max_results: 100,
        event_types: 'MessageCreate',
        'dm_event.fields': DM_FIELDS,
        expansions: DM_EXPANSIONS,
        'user.fields': USER_FIELDS,
        'media.fields': MEDIA_FIELDS,
        ...(token ? { pagination_token: token } : {}),
      },
      xDmEventsSchema,
    );
    if (res.rateLimit) rateLimits.push(res.rateLimit);
    const events = res.body.data ?? [];
    reads += events.length;
    const fresh = newestId === null ? events : events.filter((e) => BigInt(e.id) > BigInt(newestId));
    newest = maxId(newest, fresh[0]?.id ?? null);
    items.push(...normaliseXDmEvents({ ...res.body, data: fresh }, account.userId));
    token = res.body.meta.next_token;
    if (!token || fresh.length < events.length) break;
  }
  const truncated = token !== undefined && newestId !== null && items.length >= 300;
  return {
    items,
    cursor: { newestId: maxId(newestId, newest) },
    rateLimits,
    reads,
    ...(truncated
      ? {
          gap: {
            newerThanId: newestId,
            olderThanId: items[items.length - 1]!.externalId,
            note: 'More than 300 DMs since the last read; older ones were skipped',
          },
        }
      : {}),
  };
}

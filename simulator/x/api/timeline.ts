/** Anything listed newest first by snowflake id: posts, DM events. */
export interface Listable {
  id: string;
  createdAt: number;
}

/** Validated timeline parameters, shared by the post listings and the DM event listing. */
export interface TimelineParams {
  since_id?: string;
  until_id?: string;
  max_results?: number;
  pagination_token?: string;
  start_time?: number;
  end_time?: number;
}

export interface TimelineMeta {
  newest_id?: string;
  oldest_id?: string;
  result_count: number;
  next_token?: string;
  previous_token?: string;
}

export type TimelinePage<T extends Listable> =
  | { ok: true; posts: T[]; meta: TimelineMeta }
  | { ok: false; badToken: true };

const DEFAULT_MAX_RESULTS = 10;
// Tokens are opaque on the real API; mixing the id keeps clients from treating them as post ids.
const TOKEN_MASK = 0x5f3a9c2e71n;

export function encodePageToken(direction: 'next' | 'prev', boundaryId: string): string {
  const body = (BigInt(boundaryId) ^ TOKEN_MASK).toString(36);
  return `${direction === 'next' ? '7' : '3'}${body}`;
}

export function decodePageToken(token: string): { direction: 'next' | 'prev'; boundary: bigint } | null {
  const match = /^([73])([0-9a-z]{1,20})$/.exec(token);
  if (!match) return null;
  let value = 0n;
  for (const ch of match[2]!) value = value * 36n + BigInt(Number.parseInt(ch, 36));
  return { direction: match[1] === '7' ? 'next' : 'prev', boundary: value ^ TOKEN_MASK };
}

/**
 * One page of a reverse-chronological timeline. `candidates` must already be newest first and cut
 * to what the endpoint can reach (800 for mentions). The same filters are re-sent with each page,
 * as twitter-api-v2 does, and the token only says where the previous page ended.
 */
export function pageTimeline<T extends Listable>(
  candidates: readonly T[],
  params: TimelineParams,
  defaultMaxResults = DEFAULT_MAX_RESULTS,
): TimelinePage<T> {
  const since = params.since_id === undefined ? undefined : BigInt(params.since_id);
  const until = params.until_id === undefined ? undefined : BigInt(params.until_id);
  const filtered = candidates.filter((p) => {
    const id = BigInt(p.id);
    if (since !== undefined && id <= since) return false;
    if (until !== undefined && id >= until) return false;
    // since_id wins over start_time on the real API.
    if (since === undefined && params.start_time !== undefined && p.createdAt < params.start_time)
      return false;
    if (params.end_time !== undefined && p.createdAt > params.end_time) return false;
    return true;
  });

  const max = params.max_results ?? defaultMaxResults;
  let start = 0;
  let end = Math.min(max, filtered.length);
  if (params.pagination_token !== undefined) {
    const token = decodePageToken(params.pagination_token);
    if (!token) return { ok: false, badToken: true };
    if (token.direction === 'next') {
      start = firstOlderIndex(filtered, token.boundary);
      end = Math.min(start + max, filtered.length);
    } else {
      end = countNewer(filtered, token.boundary);
      start = Math.max(0, end - max);
    }
  }

  const posts = filtered.slice(start, end);
  const newest = posts[0];
  const oldest = posts[posts.length - 1];
  // Key order as in real answers: newest_id, oldest_id, result_count, next_token.
  const meta: TimelineMeta = {
    ...(newest && oldest ? { newest_id: newest.id, oldest_id: oldest.id } : {}),
    result_count: posts.length,
  };
  if (newest && oldest) {
    if (end < filtered.length) meta.next_token = encodePageToken('next', oldest.id);
    if (params.pagination_token !== undefined && start > 0)
      meta.previous_token = encodePageToken('prev', newest.id);
  }
  return { ok: true, posts, meta };
}

/** Index of the first post whose id is below the boundary (list is newest first). */
function firstOlderIndex(posts: readonly Listable[], boundary: bigint): number {
  const i = posts.findIndex((p) => BigInt(p.id) < boundary);
  return i === -1 ? posts.length : i;
}

function countNewer(posts: readonly Listable[], boundary: bigint): number {
  return posts.filter((p) => BigInt(p.id) > boundary).length;
}

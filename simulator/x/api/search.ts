import type { RequestHandler } from 'express';
import { parseSearchQuery, type SearchablePost, tokenize } from '../search/query';
import type { SimulatorState, XPost } from '../store';
import { extractEntities } from '../text';
import { respondPostListing } from './listing';
import { type InvalidParameter, invalidRequestBody } from './problems';
import { parseXQuery, searchQuerySchema } from './query';
import { sendProblem } from './respond';

/** Recent search reaches back seven days (reference section 2). */
export const SEARCH_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;
// X refuses an end_time closer to the request than this: the index needs a moment to catch up.
const END_TIME_MIN_AGE_MS = 10_000;
const EMPTY = new Set<string>();

/**
 * GET /2/tweets/search/recent: the same response shape as the mention timeline, paged with
 * `next_token` (sent back as `next_token`, not `pagination_token`), without previous_token.
 */
export function searchRecentHandler(state: SimulatorState): RequestHandler {
  const schema = searchQuerySchema(state.options.searchQueryMaxLength);
  return (req, res) => {
    const parsed = parseXQuery(schema, req.query);
    if (!parsed.ok) {
      sendProblem(res, 400, invalidRequestBody(parsed.errors));
      return;
    }
    const q = parsed.value;
    const query = parseSearchQuery(q.query);
    if (!query.ok) {
      sendProblem(
        res,
        400,
        invalidRequestBody([{ parameters: { query: [q.query] }, message: query.message }]),
      );
      return;
    }
    const raw = req.query as Record<string, string | undefined>;
    const timeError = checkTimes(state.now(), q.start_time, q.end_time, raw);
    if (timeError) {
      sendProblem(res, 400, invalidRequestBody([timeError]));
      return;
    }
    const earliest = state.now() - SEARCH_WINDOW_MS;
    const all = state
      .allPosts()
      .filter((p) => p.createdAt >= earliest && query.matches(searchable(state, p)));
    const hidden = state.faults.takeHiddenPosts(
      'GET /2/tweets/search/recent',
      all.map((p) => p.id),
    );
    respondPostListing(
      state,
      res,
      all.filter((p) => !hidden.has(p.id)),
      { ...q, pagination_token: q.next_token },
      {
        tweetFields: q['tweet.fields'] ?? EMPTY,
        userFields: q['user.fields'] ?? EMPTY,
        expansions: q.expansions ?? EMPTY,
        mediaFields: q['media.fields'] ?? EMPTY,
      },
      { tokenName: 'next_token', meta: { ids: true, previousToken: false } },
    );
  };
}

/** UNCONFIRMED: the wording, modelled on the answers X gives for times outside the window. */
function checkTimes(
  now: number,
  start: number | undefined,
  end: number | undefined,
  raw: Record<string, string | undefined>,
): InvalidParameter | null {
  const earliest = now - SEARCH_WINDOW_MS;
  if (start !== undefined && start < earliest) {
    return {
      parameters: { start_time: [raw.start_time ?? ''] },
      message: `Invalid 'start_time':'${raw.start_time}'. 'start_time' must be on or after ${new Date(earliest).toISOString()}`,
    };
  }
  if (end !== undefined && end > now - END_TIME_MIN_AGE_MS) {
    return {
      parameters: { end_time: [raw.end_time ?? ''] },
      message: `Invalid 'end_time':'${raw.end_time}'. 'end_time' must be a minimum of 10 seconds prior to the request time.`,
    };
  }
  if (start !== undefined && end !== undefined && start >= end) {
    return {
      parameters: { start_time: [raw.start_time ?? ''], end_time: [raw.end_time ?? ''] },
      message: `Invalid 'start_time':'${raw.start_time}'. 'start_time' must be before 'end_time'.`,
    };
  }
  return null;
}

function searchable(state: SimulatorState, post: XPost): SearchablePost {
  const author = state.userById(post.authorId);
  const replyTo = post.inReplyToUserId ? state.userById(post.inReplyToUserId) : undefined;
  const entities = extractEntities(post.text, post.urls, () => undefined);
  return {
    id: post.id,
    // Words are matched in the text as written: links expanded, nothing X appended.
    tokens: tokenize(post.expandedText),
    authorId: post.authorId,
    authorUsername: author?.username ?? '',
    authorVerified: author?.verified ?? false,
    inReplyToUserId: post.inReplyToUserId,
    inReplyToUsername: replyTo?.username ?? null,
    conversationId: post.conversationId,
    lang: post.lang,
    isRetweet: post.retweetedPostId !== null,
    isReply: post.inReplyToPostId !== null,
    isQuote: post.quotedPostId !== null,
    mediaTypes: post.mediaKeys.map((k) => state.media.get(k)?.type ?? ''),
    expandedUrls: post.urls.map((u) => u.expanded_url),
    mentions: (entities?.mentions ?? []).map((m) => m.username.toLowerCase()),
    hashtags: (entities?.hashtags ?? []).map((h) => h.tag.toLowerCase()),
    cashtags: (entities?.cashtags ?? []).map((c) => c.tag.toLowerCase()),
  };
}

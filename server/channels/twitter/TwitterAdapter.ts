import type { TwitterApi } from 'twitter-api-v2';
import type {
  AccountIdentity,
  ChannelAdapter,
  FetchResult,
  InboundItem,
  PollCursor,
  PostedReply,
  RateLimitSnapshot,
  ReplyTarget,
} from '../adapter';
import { ChannelUnavailableError } from '../errors';
import { toChannelError } from './errors';
import { normaliseXTimeline } from './normalise';
import {
  EXPANSIONS,
  TWEET_FIELDS,
  USER_FIELDS,
  xCreatedPostSchema,
  xCursorSchema,
  xMeSchema,
  xTimelineSchema,
} from './schemas';

export interface TwitterAdapterOptions {
  client: TwitterApi;
  /** The connected account's X user id (from `GET /2/users/me`). */
  accountUserId: string;
  requestTimeoutMs?: number;
  /** Upper bound of pages per poll, so one poll cannot run for ever on a huge backlog. */
  maxPagesPerPoll?: number;
  now?: () => number;
}

const MENTIONS = 'GET /2/users/:id/mentions';

/** X API v2 through twitter-api-v2, behind the ChannelAdapter contract. */
export class TwitterAdapter implements ChannelAdapter {
  readonly platform = 'x' as const;
  private readonly timeout: number;
  private readonly now: () => number;

  constructor(private readonly options: TwitterAdapterOptions) {
    this.timeout = options.requestTimeoutMs ?? 15_000;
    this.now = options.now ?? Date.now;
  }

  async verifyCredentials(): Promise<AccountIdentity> {
    const res = await this.get('users/me', { 'user.fields': USER_FIELDS });
    const me = parse(xMeSchema, res.data, 'GET /2/users/me').data;
    return { externalUserId: me.id, handle: me.username, name: me.name };
  }

  /**
   * Pages newest-first with `pagination_token` until `since_id` is reached; the cursor moves to the
   * newest id seen only when all pages were read (the caller stores it after saving the items).
   */
  async fetchNew(cursor: PollCursor | null): Promise<FetchResult> {
    const { sinceId } = cursor ? xCursorSchema.parse(cursor) : { sinceId: null };
    const items: InboundItem[] = [];
    const rateLimits: RateLimitSnapshot[] = [];
    let newestId = sinceId;
    let paginationToken: string | undefined;
    const maxPages = sinceId === null ? 1 : (this.options.maxPagesPerPoll ?? 10);
    for (let page = 0; page < maxPages; page++) {
      const res = await this.get(`users/${this.options.accountUserId}/mentions`, {
        max_results: 100,
        'tweet.fields': TWEET_FIELDS,
        'user.fields': USER_FIELDS,
        expansions: EXPANSIONS,
        ...(sinceId ? { since_id: sinceId } : {}),
        ...(paginationToken ? { pagination_token: paginationToken } : {}),
      });
      if (res.rateLimit) rateLimits.push(snapshot(MENTIONS, res.rateLimit));
      const body = parse(xTimelineSchema, res.data, MENTIONS);
      if (page === 0 && body.meta.newest_id) newestId = body.meta.newest_id;
      items.push(...normaliseXTimeline(body, this.options.accountUserId));
      paginationToken = body.meta.next_token;
      if (!paginationToken) break;
    }
    return { items, cursor: { sinceId: newestId }, rateLimits };
  }

  async postReply(target: ReplyTarget, text: string): Promise<PostedReply> {
    try {
      const res = await this.options.client.v2.post(
        'tweets',
        { text, reply: { in_reply_to_tweet_id: target.inReplyToExternalId } },
        { fullResponse: true, timeout: this.timeout },
      );
      const created = parse(xCreatedPostSchema, res.data, 'POST /2/tweets');
      return { externalId: created.data.id, postedAt: new Date(this.now()).toISOString() };
    } catch (error) {
      throw toChannelError(error, this.now);
    }
  }

  async findPostedReply(target: ReplyTarget, since: Date): Promise<PostedReply | null> {
    const res = await this.get(`users/${this.options.accountUserId}/tweets`, {
      max_results: 100,
      'tweet.fields': TWEET_FIELDS,
    });
    const body = parse(xTimelineSchema, res.data, 'GET /2/users/:id/tweets');
    // Allow for clock skew between us and X when comparing creation times.
    const earliest = since.getTime() - 5 * 60_000;
    const match = (body.data ?? []).find(
      (post) =>
        post.referenced_tweets?.some((r) => r.type === 'replied_to' && r.id === target.inReplyToExternalId) &&
        (!post.created_at || Date.parse(post.created_at) >= earliest),
    );
    return match
      ? { externalId: match.id, postedAt: match.created_at ?? new Date(this.now()).toISOString() }
      : null;
  }

  private async get(path: string, query: Record<string, string | number>) {
    try {
      return await this.options.client.v2.get(path, query, { fullResponse: true, timeout: this.timeout });
    } catch (error) {
      throw toChannelError(error, this.now);
    }
  }
}

function snapshot(
  endpoint: string,
  rl: { limit: number; remaining: number; reset: number },
): RateLimitSnapshot {
  return { endpoint, limit: rl.limit, remaining: rl.remaining, resetAt: rl.reset * 1000 };
}

/** Validates a response body; a shape we don't understand is a platform fault, with the body kept. */
function parse<T>(
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: Error } },
  body: unknown,
  endpoint: string,
): T {
  const result = schema.safeParse(body);
  if (!result.success) {
    throw new ChannelUnavailableError(`${endpoint} returned an unexpected body: ${result.error.message}`, {
      body,
    });
  }
  return result.data;
}

import type { TwitterApi } from 'twitter-api-v2';
import type { AccountSettings } from '../accountSettings';
import type {
  AccountIdentity,
  ChannelAdapter,
  PostedReply,
  ReplyTarget,
  StreamCursor,
  StreamFetch,
  StreamSpec,
} from '../adapter';
import { ChannelRejectedError } from '../errors';
import { XApi } from './api';
import {
  DM_FIELDS,
  TWEET_FIELDS,
  USER_FIELDS,
  xCreatedDmSchema,
  xCreatedPostSchema,
  xDmEventsSchema,
  xMeSchema,
  xTimelineSchema,
} from './schemas';
import {
  DMS_ENDPOINT,
  fetchDms,
  fetchMentions,
  fetchOwnPosts,
  fetchSearch,
  OWN_ENDPOINT,
  type XAccountRef,
  xStreamSpecs,
} from './streams';

export interface TwitterAdapterOptions {
  client: TwitterApi;
  /** The connected account's X user id and handle (from `GET /2/users/me`). */
  account: XAccountRef;
  requestTimeoutMs?: number;
  now?: () => number;
}

/** Allow for clock skew between us and X when comparing creation times. */
const SKEW_MS = 5 * 60_000;

/** X API v2 through twitter-api-v2, behind the ChannelAdapter contract. */
export class TwitterAdapter implements ChannelAdapter {
  readonly platform = 'x' as const;
  private readonly api: XApi;
  private readonly account: XAccountRef;

  constructor(options: TwitterAdapterOptions) {
    this.api = new XApi(options.client, options.requestTimeoutMs ?? 15_000, options.now ?? Date.now);
    this.account = options.account;
  }

  async verifyCredentials(): Promise<AccountIdentity> {
    const res = await this.api.get('GET /2/users/me', 'users/me', { 'user.fields': USER_FIELDS }, xMeSchema);
    const me = res.body.data;
    return { externalUserId: me.id, handle: me.username, name: me.name };
  }

  streams(settings: AccountSettings): StreamSpec[] {
    return xStreamSpecs(settings);
  }

  fetchStream(key: string, cursor: StreamCursor | null): Promise<StreamFetch> {
    if (key === 'mentions') return fetchMentions(this.api, this.account, cursor);
    if (key === 'own') return fetchOwnPosts(this.api, this.account, cursor);
    if (key === 'dms') return fetchDms(this.api, this.account, cursor);
    if (key.startsWith('search:'))
      return fetchSearch(this.api, this.account, key.slice('search:'.length), cursor);
    return Promise.reject(new Error(`Unknown X stream "${key}"`));
  }

  async postReply(target: ReplyTarget, text: string): Promise<PostedReply> {
    if (target.channel === 'dm') {
      const res = await this.api.post(
        'POST /2/dm_conversations/with/:participant_id/messages',
        `dm_conversations/with/${target.participantId}/messages`,
        { text },
        xCreatedDmSchema,
      );
      return { externalId: res.body.data.dm_event_id, postedAt: new Date(this.api.now()).toISOString() };
    }
    if (target.channel === 'private_reply')
      throw new ChannelRejectedError('X has no private replies', 'invalid');
    const res = await this.api.post(
      'POST /2/tweets',
      'tweets',
      { text, reply: { in_reply_to_tweet_id: target.inReplyToExternalId } },
      xCreatedPostSchema,
    );
    return { externalId: res.body.data.id, postedAt: new Date(this.api.now()).toISOString() };
  }

  /**
   * Public: a post of ours replying to the target (X rewrites links in the text, so we match on
   * the reply relation, not the text). DM: an event we sent in that conversation with this text.
   */
  async findPostedReply(target: ReplyTarget, text: string, since: Date): Promise<PostedReply | null> {
    const earliest = since.getTime() - SKEW_MS;
    if (target.channel === 'dm') {
      const res = await this.api.get(
        DMS_ENDPOINT,
        'dm_events',
        { max_results: 100, event_types: 'MessageCreate', 'dm_event.fields': DM_FIELDS },
        xDmEventsSchema,
      );
      const match = (res.body.data ?? []).find(
        (e) =>
          e.sender_id === this.account.userId &&
          e.dm_conversation_id?.split('-').includes(target.participantId) &&
          e.text === text &&
          (!e.created_at || Date.parse(e.created_at) >= earliest),
      );
      return match
        ? { externalId: match.id, postedAt: match.created_at ?? new Date(this.api.now()).toISOString() }
        : null;
    }
    if (target.channel === 'private_reply') return null;
    const res = await this.api.get(
      OWN_ENDPOINT,
      `users/${this.account.userId}/tweets`,
      { max_results: 100, 'tweet.fields': TWEET_FIELDS },
      xTimelineSchema,
    );
    const match = (res.body.data ?? []).find(
      (post) =>
        post.referenced_tweets?.some((r) => r.type === 'replied_to' && r.id === target.inReplyToExternalId) &&
        (!post.created_at || Date.parse(post.created_at) >= earliest),
    );
    return match
      ? { externalId: match.id, postedAt: match.created_at ?? new Date(this.api.now()).toISOString() }
      : null;
  }
}

import type { TwitterApi } from 'twitter-api-v2';
import type { AccountSettings } from '../accountSettings';
import type {
  AccountIdentity,
  ChannelAdapter,
  PostedReply,
  ReplyAttachment,
  ReplyExtras,
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
/** Pages of 100 read when looking for a reply whose sending was cut off (crash recovery only). */
const LOOKUP_PAGES = 10;

/** Image types X takes on posts and DMs (X docs: JPG, PNG, GIF, WEBP). */
const X_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;
type XImageType = (typeof X_IMAGE_TYPES)[number];
const isXImageType = (type: string): type is XImageType =>
  (X_IMAGE_TYPES as readonly string[]).includes(type);

/**
 * X's docs list `dm_image`/`dm_gif` as the categories of DM media and `tweet_*` for posts
 * (UNCONFIRMED whether X refuses post media in a DM; we send the documented category).
 */
function mediaCategory(type: XImageType, channel: 'public' | 'dm') {
  const gif = type === 'image/gif';
  if (channel === 'dm') return gif ? 'dm_gif' : 'dm_image';
  return gif ? 'tweet_gif' : 'tweet_image';
}

/**
 * Whether a DM event's text is the text we sent. UNCONFIRMED: whether X appends a t.co link to the
 * text of a DM with media, as it does for posts; one trailing t.co link is tolerated for that reason.
 */
function sameDmText(sent: string, stored: string | undefined): boolean {
  if (stored === undefined) return false;
  return (
    stored === sent || (stored.startsWith(sent) && /^ https:\/\/t\.co\/\w+$/.test(stored.slice(sent.length)))
  );
}

/** X API v2 through twitter-api-v2, behind the ChannelAdapter contract. */
export class TwitterAdapter implements ChannelAdapter {
  readonly platform = 'x' as const;
  private readonly api: XApi;
  private readonly account: XAccountRef;

  constructor(options: TwitterAdapterOptions) {
    this.api = new XApi(
      options.client,
      options.requestTimeoutMs ?? 15_000,
      options.now ?? Date.now,
      options.account.handle,
    );
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

  /**
   * Posts the reply; an image is uploaded first and attached by its media id. Repeating an upload is
   * harmless (an unused media id just expires), so a retry after a crash between upload and post uploads
   * again; the post itself stays exactly-once through the caller's reconcile.
   */
  async postReply(target: ReplyTarget, text: string, extras: ReplyExtras = {}): Promise<PostedReply> {
    if (target.channel === 'private_reply')
      throw new ChannelRejectedError('X has no private replies', 'invalid');
    // X takes the image itself, not a URL; never drop an image silently.
    if (extras.attachmentUrl && !extras.attachment)
      throw new ChannelRejectedError('X needs the image itself, not a link to it', 'invalid');
    const mediaId = extras.attachment ? await this.upload(extras.attachment, target.channel) : null;
    if (target.channel === 'dm') {
      const res = await this.api.post(
        'POST /2/dm_conversations/with/:participant_id/messages',
        `dm_conversations/with/${target.participantId}/messages`,
        { text, ...(mediaId ? { attachments: [{ media_id: mediaId }] } : {}) },
        xCreatedDmSchema,
      );
      return { externalId: res.body.data.dm_event_id, postedAt: new Date(this.api.now()).toISOString() };
    }
    const res = await this.api.post(
      'POST /2/tweets',
      'tweets',
      {
        text,
        reply: { in_reply_to_tweet_id: target.inReplyToExternalId },
        ...(mediaId ? { media: { media_ids: [mediaId] } } : {}),
      },
      xCreatedPostSchema,
    );
    return { externalId: res.body.data.id, postedAt: new Date(this.api.now()).toISOString() };
  }

  private async upload(attachment: ReplyAttachment, channel: 'public' | 'dm'): Promise<string> {
    const type = attachment.contentType;
    if (!isXImageType(type)) throw new ChannelRejectedError(`X does not take ${type} images`, 'invalid');
    const data = await attachment.load();
    return this.api.uploadMedia(data, type, mediaCategory(type, channel));
  }

  /**
   * Public: a post of ours replying to the target (X rewrites links in the text, so we match on
   * the reply relation, not the text). DM: an event we sent in that conversation with this text.
   */
  async findPostedReply(target: ReplyTarget, text: string, since: Date): Promise<PostedReply | null> {
    const earliest = since.getTime() - SKEW_MS;
    const found = (id: string, createdAt: string | undefined): PostedReply => ({
      externalId: id,
      postedAt: createdAt ?? new Date(this.api.now()).toISOString(),
    });
    if (target.channel === 'private_reply') return null;
    // Newest first, page by page: with many replies sent since this one, ours is not on the first
    // page. Stop at the lookup window's start or after LOOKUP_PAGES pages (read budget).
    let token: string | undefined;
    for (let page = 0; page < LOOKUP_PAGES; page += 1) {
      const paging: Record<string, string> = token ? { pagination_token: token } : {};
      if (target.channel === 'dm') {
        const res = await this.api.get(
          DMS_ENDPOINT,
          'dm_events',
          { max_results: 100, event_types: 'MessageCreate', 'dm_event.fields': DM_FIELDS, ...paging },
          xDmEventsSchema,
        );
        const events = res.body.data ?? [];
        const match = events.find(
          (e) =>
            e.sender_id === this.account.userId &&
            e.dm_conversation_id?.split('-').includes(target.participantId) &&
            sameDmText(text, e.text) &&
            (!e.created_at || Date.parse(e.created_at) >= earliest),
        );
        if (match) return found(match.id, match.created_at);
        const oldest = events.at(-1)?.created_at;
        token = res.body.meta.next_token;
        if (!token || (oldest && Date.parse(oldest) < earliest)) return null;
        continue;
      }
      const res = await this.api.get(
        OWN_ENDPOINT,
        `users/${this.account.userId}/tweets`,
        {
          max_results: 100,
          'tweet.fields': TWEET_FIELDS,
          start_time: new Date(earliest).toISOString(),
          ...paging,
        },
        xTimelineSchema,
      );
      const match = (res.body.data ?? []).find((post) =>
        post.referenced_tweets?.some((r) => r.type === 'replied_to' && r.id === target.inReplyToExternalId),
      );
      if (match) return found(match.id, match.created_at);
      token = res.body.meta.next_token;
      if (!token) return null;
    }
    return null;
  }
}

import type { XMedia } from '../media';
import type { SimulatorState, XPost, XUser } from '../store';
import { extractEntities } from '../text';
import { notFoundError } from './problems';

export interface FieldSelection {
  tweetFields: ReadonlySet<string>;
  userFields: ReadonlySet<string>;
  expansions: ReadonlySet<string>;
  mediaFields?: ReadonlySet<string>;
}

export type Json = Record<string, unknown>;

/**
 * Turns stored posts, users and media into v2 JSON. Only `id`, `text` and `edit_history_tweet_ids` are
 * sent unless more fields are asked for, which is what catches adapters that forget to request them.
 */
export class Renderer {
  private counts: {
    replies: Map<string, number>;
    quotes: Map<string, number>;
    retweets: Map<string, number>;
  } | null = null;

  constructor(
    private readonly state: SimulatorState,
    private readonly fields: FieldSelection,
  ) {}

  tweet(post: XPost): Json {
    const f = this.fields.tweetFields;
    const out: Json = { id: post.id, text: post.text };
    if (f.has('author_id')) out.author_id = post.authorId;
    if (f.has('created_at')) out.created_at = new Date(post.createdAt).toISOString();
    if (f.has('conversation_id')) out.conversation_id = post.conversationId;
    if (f.has('in_reply_to_user_id') && post.inReplyToUserId) out.in_reply_to_user_id = post.inReplyToUserId;
    if (f.has('referenced_tweets')) {
      const refs = referencedTweets(post);
      if (refs.length) out.referenced_tweets = refs;
    }
    if (f.has('attachments') && post.mediaKeys.length) out.attachments = { media_keys: [...post.mediaKeys] };
    if (f.has('entities')) {
      const entities = extractEntities(post.text, post.urls, (u) => this.state.userByUsername(u)?.id);
      if (entities) out.entities = entities;
    }
    if (f.has('lang')) out.lang = post.lang;
    if (f.has('public_metrics')) out.public_metrics = this.publicMetrics(post.id);
    if (f.has('possibly_sensitive')) out.possibly_sensitive = false;
    if (f.has('reply_settings')) out.reply_settings = 'everyone';
    if (f.has('display_text_range')) out.display_text_range = displayTextRange(post);
    if (f.has('edit_controls')) out.edit_controls = this.editControls(post);
    out.edit_history_tweet_ids = [...post.editHistory];
    return out;
  }

  user(user: XUser): Json {
    const f = this.fields.userFields;
    const out: Json = { id: user.id, name: user.name, username: user.username };
    if (f.has('created_at')) out.created_at = new Date(user.createdAt).toISOString();
    if (f.has('description')) out.description = user.description;
    if (f.has('profile_image_url')) out.profile_image_url = user.profileImageUrl;
    if (f.has('protected')) out.protected = false;
    if (f.has('verified')) out.verified = user.verified;
    if (f.has('verified_type')) out.verified_type = user.verified ? 'blue' : 'none';
    if (f.has('url')) out.url = '';
    if (f.has('receives_your_dm')) out.receives_your_dm = user.acceptsDms;
    if (f.has('public_metrics')) {
      out.public_metrics = {
        followers_count: user.followersCount,
        following_count: user.followingCount,
        tweet_count: this.state.postsBy(user.id).length,
        listed_count: user.listedCount,
      };
    }
    return out;
  }

  /** Photos have `url`; videos and GIFs have `preview_image_url` and mp4 `variants` instead. */
  media(media: XMedia): Json {
    const f = this.fields.mediaFields ?? new Set<string>();
    const out: Json = { media_key: media.key, type: media.type };
    if (f.has('url') && media.type === 'photo') out.url = media.url;
    if (f.has('preview_image_url') && media.previewImageUrl) out.preview_image_url = media.previewImageUrl;
    if (f.has('width')) out.width = media.width;
    if (f.has('height')) out.height = media.height;
    if (f.has('alt_text') && media.altText !== null) out.alt_text = media.altText;
    if (f.has('duration_ms') && media.type === 'video') out.duration_ms = media.durationMs;
    if (f.has('public_metrics') && media.type === 'video') out.public_metrics = { view_count: 0 };
    if (f.has('variants') && media.type !== 'photo') {
      // UNCONFIRMED: bit rates; GIFs come as one mp4 with bit_rate 0.
      out.variants = [
        { bit_rate: media.type === 'video' ? 2_176_000 : 0, content_type: 'video/mp4', url: media.url },
      ];
    }
    return out;
  }

  /** `includes` and partial-failure `errors` for the requested expansions of a page of posts. */
  expand(posts: readonly XPost[]): { includes?: Json; errors?: Json[] } {
    const x = this.fields.expansions;
    const collected = new Includes(this.state);
    const errors: Json[] = [];
    for (const post of posts) {
      if (x.has('author_id')) collected.addUser(post.authorId);
      if (x.has('in_reply_to_user_id')) collected.addUser(post.inReplyToUserId);
      if (x.has('attachments.media_keys')) collected.addMedia(post.mediaKeys);
      if (x.has('entities.mentions.username')) {
        for (const m of extractEntities(post.text, [], () => undefined)?.mentions ?? []) {
          collected.addUser(this.state.userByUsername(m.username)?.id ?? null);
        }
      }
      if (x.has('edit_history_tweet_ids')) {
        for (const id of post.editHistory) if (id !== post.id) collected.addTweet(this.state.visiblePost(id));
      }
      const wantsRefs = [
        'referenced_tweets.id',
        'referenced_tweets.id.author_id',
        'referenced_tweets.id.attachments.media_keys',
      ];
      if (!wantsRefs.some((e) => x.has(e))) continue;
      for (const ref of referencedTweets(post)) {
        const target = this.state.visiblePost(ref.id);
        if (!target) {
          errors.push(notFoundError('tweet', 'referenced_tweets.id', ref.id));
          continue;
        }
        if (x.has('referenced_tweets.id')) collected.addTweet(target);
        if (x.has('referenced_tweets.id.author_id')) collected.addUser(target.authorId);
        if (x.has('referenced_tweets.id.attachments.media_keys')) collected.addMedia(target.mediaKeys);
      }
    }
    const includes = collected.render(this);
    return {
      ...(includes ? { includes } : {}),
      ...(errors.length ? { errors } : {}),
    };
  }

  private editControls(post: XPost): Json {
    const original = this.state.postById(post.editHistory[0]!) ?? post;
    const editableUntil = original.createdAt + this.state.options.editWindowMs;
    const remaining = Math.max(0, this.state.options.maxEdits - (post.editHistory.length - 1));
    return {
      edits_remaining: remaining,
      is_edit_eligible: post.retweetedPostId === null,
      editable_until: new Date(editableUntil).toISOString(),
    };
  }

  private publicMetrics(postId: string): Json {
    if (!this.counts) {
      const bump = (m: Map<string, number>, id: string | null) => id && m.set(id, (m.get(id) ?? 0) + 1);
      this.counts = { replies: new Map(), quotes: new Map(), retweets: new Map() };
      for (const p of this.state.allPosts()) {
        bump(this.counts.replies, p.inReplyToPostId);
        bump(this.counts.quotes, p.quotedPostId);
        bump(this.counts.retweets, p.retweetedPostId);
      }
    }
    return {
      retweet_count: this.counts.retweets.get(postId) ?? 0,
      reply_count: this.counts.replies.get(postId) ?? 0,
      like_count: 0,
      quote_count: this.counts.quotes.get(postId) ?? 0,
      bookmark_count: 0,
      impression_count: 0,
    };
  }
}

/** What a page's expansions pull in, each object once, in the order first met. */
export class Includes {
  private readonly users = new Map<string, XUser>();
  private readonly tweets = new Map<string, XPost>();
  private readonly media = new Map<string, XMedia>();

  constructor(private readonly state: SimulatorState) {}

  addUser(id: string | null): void {
    const user = id === null ? undefined : this.state.userById(id);
    if (user && !this.users.has(user.id)) this.users.set(user.id, user);
  }

  addTweet(post: XPost | undefined): void {
    if (post && !this.tweets.has(post.id)) this.tweets.set(post.id, post);
  }

  addMedia(keys: readonly string[]): void {
    for (const key of keys) {
      const media = this.state.media.get(key);
      if (media && !this.media.has(key)) this.media.set(key, media);
    }
  }

  render(renderer: Renderer): Json | null {
    const out: Json = {};
    if (this.users.size) out.users = [...this.users.values()].map((u) => renderer.user(u));
    if (this.tweets.size) out.tweets = [...this.tweets.values()].map((t) => renderer.tweet(t));
    if (this.media.size) out.media = [...this.media.values()].map((m) => renderer.media(m));
    return Object.keys(out).length ? out : null;
  }
}

type Ref = { type: 'replied_to' | 'quoted' | 'retweeted'; id: string };

function referencedTweets(post: XPost): Ref[] {
  if (post.retweetedPostId) return [{ type: 'retweeted', id: post.retweetedPostId }];
  const refs: Ref[] = [];
  if (post.inReplyToPostId) refs.push({ type: 'replied_to', id: post.inReplyToPostId });
  if (post.quotedPostId) refs.push({ type: 'quoted', id: post.quotedPostId });
  return refs;
}

/** The text without the trailing media link, which clients are expected to hide. */
function displayTextRange(post: XPost): [number, number] {
  const media = post.urls.find((u) => u.media_key !== undefined);
  return [0, media ? Math.max(0, media.start - 1) : [...post.text].length];
}

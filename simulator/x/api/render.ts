import type { SimulatorState, XPost, XUser } from '../store';
import { extractEntities } from '../text';
import { notFoundError } from './problems';

export interface FieldSelection {
  tweetFields: ReadonlySet<string>;
  userFields: ReadonlySet<string>;
  expansions: ReadonlySet<string>;
}

type Json = Record<string, unknown>;

/**
 * Turns stored posts and users into v2 JSON. Only `id`, `text` and `edit_history_tweet_ids` are sent
 * unless more fields are asked for, which is what catches adapters that forget to request them.
 */
export class Renderer {
  private replyCounts: Map<string, number> | null = null;
  private quoteCounts: Map<string, number> | null = null;

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
    if (f.has('entities')) {
      const entities = extractEntities(post.text, (u) => this.state.userByUsername(u)?.id);
      if (entities) out.entities = entities;
    }
    if (f.has('lang')) out.lang = post.lang;
    if (f.has('public_metrics')) out.public_metrics = this.publicMetrics(post.id);
    if (f.has('possibly_sensitive')) out.possibly_sensitive = false;
    if (f.has('reply_settings')) out.reply_settings = 'everyone';
    if (f.has('display_text_range')) out.display_text_range = [0, [...post.text].length];
    out.edit_history_tweet_ids = [post.id];
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

  /** `includes` and partial-failure `errors` for the requested expansions of a page of posts. */
  expand(posts: readonly XPost[]): { includes?: Json; errors?: Json[] } {
    const x = this.fields.expansions;
    const users = new Map<string, XUser>();
    const tweets = new Map<string, XPost>();
    const errors: Json[] = [];
    const addUser = (id: string | null) => {
      const user = id === null ? undefined : this.state.userById(id);
      if (user && !users.has(user.id)) users.set(user.id, user);
    };
    for (const post of posts) {
      if (x.has('author_id')) addUser(post.authorId);
      if (x.has('in_reply_to_user_id')) addUser(post.inReplyToUserId);
      if (x.has('entities.mentions.username')) {
        for (const m of extractEntities(post.text, () => undefined)?.mentions ?? []) {
          addUser(this.state.userByUsername(m.username)?.id ?? null);
        }
      }
      if (!x.has('referenced_tweets.id') && !x.has('referenced_tweets.id.author_id')) continue;
      for (const ref of referencedTweets(post)) {
        const target = this.state.visiblePost(ref.id);
        if (!target) {
          errors.push(notFoundError('tweet', 'referenced_tweets.id', ref.id));
          continue;
        }
        if (x.has('referenced_tweets.id') && !tweets.has(target.id)) tweets.set(target.id, target);
        if (x.has('referenced_tweets.id.author_id')) addUser(target.authorId);
      }
    }
    const includes: Json = {};
    if (users.size) includes.users = [...users.values()].map((u) => this.user(u));
    if (tweets.size) includes.tweets = [...tweets.values()].map((t) => this.tweet(t));
    return {
      ...(Object.keys(includes).length ? { includes } : {}),
      ...(errors.length ? { errors } : {}),
    };
  }

  private publicMetrics(postId: string): Json {
    if (!this.replyCounts || !this.quoteCounts) {
      this.replyCounts = new Map();
      this.quoteCounts = new Map();
      for (const p of this.state.allPosts()) {
        if (p.inReplyToPostId)
          this.replyCounts.set(p.inReplyToPostId, (this.replyCounts.get(p.inReplyToPostId) ?? 0) + 1);
        if (p.quotedPostId)
          this.quoteCounts.set(p.quotedPostId, (this.quoteCounts.get(p.quotedPostId) ?? 0) + 1);
      }
    }
    return {
      retweet_count: 0,
      reply_count: this.replyCounts.get(postId) ?? 0,
      like_count: 0,
      quote_count: this.quoteCounts.get(postId) ?? 0,
      bookmark_count: 0,
      impression_count: 0,
    };
  }
}

function referencedTweets(post: XPost): Array<{ type: 'replied_to' | 'quoted'; id: string }> {
  const refs: Array<{ type: 'replied_to' | 'quoted'; id: string }> = [];
  if (post.inReplyToPostId) refs.push({ type: 'replied_to', id: post.inReplyToPostId });
  if (post.quotedPostId) refs.push({ type: 'quoted', id: post.quotedPostId });
  return refs;
}

import type { ResolvedOptions } from '../options';
import { composePostText, composeRetweetText } from './compose';
import type { MediaStore, NewMedia, XMedia } from './media';
import { TcoShortener, type UrlEntity } from './tco';
import { detectLang, mentionedUsernames } from './text';
import type { UserDirectory } from './users';

export interface XPost {
  id: string;
  authorId: string;
  /** As X stores and returns it: links are t.co links, and quote and media links are appended. */
  text: string;
  /** What the author wrote, before X rewrote it. */
  expandedText: string;
  /** The t.co links in `text`, with code-point indices. */
  urls: UrlEntity[];
  createdAt: number;
  /** Id of the thread's root post; a root post carries its own id. */
  conversationId: string;
  inReplyToPostId: string | null;
  inReplyToUserId: string | null;
  quotedPostId: string | null;
  retweetedPostId: string | null;
  mediaKeys: string[];
  /** Ids of every version, oldest first; shared by all versions of an edited post. */
  editHistory: string[];
  /** The id of the version that replaced this one, if it was edited. */
  supersededBy: string | null;
  deletedAt: number | null;
  lang: string;
}

export interface NewPost {
  authorId: string;
  text: string;
  inReplyToPostId?: string | null;
  quotedPostId?: string | null;
  /** A pure retweet: `text` is ignored and built from the retweeted post. */
  retweetedPostId?: string | null;
  media?: NewMedia[];
  /** Media that already exist (uploaded; API `media.media_ids`), attached after any new ones. */
  mediaKeys?: string[];
  createdAt?: number;
}

export type EditResult = { ok: true; post: XPost } | { ok: false; error: string };

/** Posts of every user, in creation order; the caller has checked authors and referenced posts exist. */
export class PostStore {
  private posts = new Map<string, XPost>();
  /** Ascending by id, which is also creation order. */
  private ordered: XPost[] = [];
  private readonly shortener = new TcoShortener();

  constructor(
    private readonly options: ResolvedOptions,
    private readonly users: UserDirectory,
    private readonly media: MediaStore,
    private readonly nextId: () => string,
  ) {}

  get(id: string): XPost | undefined {
    return this.posts.get(id);
  }

  create(input: NewPost): XPost {
    const media = [
      ...(input.media ?? []).map((m) => this.media.create(m, this.nextId())),
      ...(input.mediaKeys ?? []).map((k) => this.media.get(k)).filter((m): m is XMedia => m !== undefined),
    ];
    const id = this.nextId();
    const parent = input.inReplyToPostId ? this.posts.get(input.inReplyToPostId) : undefined;
    const retweeted = input.retweetedPostId ? this.posts.get(input.retweetedPostId) : undefined;
    const rtPrefix = retweeted ? `RT @${this.usernameOf(retweeted.authorId)}: ` : '';
    const linked = retweeted
      ? composeRetweetText(retweeted, rtPrefix, this.options.retweetTextMaxLength)
      : this.compose(input.text, id, input.authorId, input.quotedPostId ?? null, media);
    const post: XPost = {
      id,
      authorId: input.authorId,
      text: linked.text,
      expandedText: retweeted ? rtPrefix + retweeted.expandedText : input.text,
      urls: linked.urls,
      createdAt: input.createdAt ?? this.options.now(),
      conversationId: parent ? parent.conversationId : id,
      inReplyToPostId: parent ? parent.id : null,
      inReplyToUserId: parent ? parent.authorId : null,
      quotedPostId: retweeted ? null : (input.quotedPostId ?? null),
      retweetedPostId: retweeted ? retweeted.id : null,
      mediaKeys: media.map((m) => m.key),
      editHistory: [id],
      supersededBy: null,
      deletedAt: null,
      lang: retweeted ? retweeted.lang : detectLang(input.text),
    };
    this.store(post);
    return post;
  }

  /**
   * An edit makes a new post with a new id that keeps the thread, quote and media of the original;
   * every version then carries the whole history. Only the newest version can be edited.
   */
  edit(id: string, text: string): EditResult {
    const current = this.posts.get(id);
    if (!current || current.deletedAt !== null) return { ok: false, error: `no visible post with id ${id}` };
    if (current.supersededBy !== null) {
      return { ok: false, error: `post ${id} was edited already; edit ${current.supersededBy}` };
    }
    if (current.retweetedPostId !== null) return { ok: false, error: 'a retweet cannot be edited' };
    const original = this.posts.get(current.editHistory[0]!)!;
    if (this.options.now() > original.createdAt + this.options.editWindowMs) {
      return { ok: false, error: 'the edit window has closed' };
    }
    if (current.editHistory.length > this.options.maxEdits) return { ok: false, error: 'no edits remaining' };
    const newId = this.nextId();
    const media = current.mediaKeys.map((k) => this.media.get(k)).filter((m): m is XMedia => m !== undefined);
    const linked = this.compose(text, newId, current.authorId, current.quotedPostId, media);
    const history = [...current.editHistory, newId];
    const post: XPost = {
      ...current,
      id: newId,
      text: linked.text,
      expandedText: text,
      urls: linked.urls,
      createdAt: this.options.now(),
      editHistory: history,
      lang: detectLang(text),
    };
    for (const versionId of current.editHistory) this.posts.get(versionId)!.editHistory = history;
    current.supersededBy = newId;
    this.store(post);
    return { ok: true, post };
  }

  /** Deleting any version of an edited post deletes them all (UNCONFIRMED). */
  delete(id: string): void {
    const post = this.posts.get(id);
    if (!post || post.deletedAt !== null) return;
    for (const versionId of post.editHistory) {
      const version = this.posts.get(versionId);
      if (version && version.deletedAt === null) version.deletedAt = this.options.now();
    }
  }

  /**
   * Posts by others that name the user's @handle or reply to one of the user's posts, newest first.
   * A quote of the user's post is a mention only if it names them too, as on X. A retweet is one when the
   * retweeted post mentions the user (its text is `RT @author: …`, so X treats it as a mention).
   */
  mentionsOf(userId: string, handle: string): XPost[] {
    const lower = handle.toLowerCase();
    return this.newestFirst((p) => {
      if (p.authorId === userId) return false;
      if (p.retweetedPostId !== null) {
        const original = this.posts.get(p.retweetedPostId);
        if (!original) return false;
        if (original.authorId === userId) return this.options.retweetsOfOwnPostsInMentions;
        return mentionedUsernames(original.text).includes(lower);
      }
      if (p.inReplyToUserId === userId) return true;
      return mentionedUsernames(p.text).includes(lower);
    });
  }

  /** The author's visible post with exactly this text (as written) made within the duplicate window. */
  findDuplicate(authorId: string, text: string): XPost | undefined {
    const since = this.options.now() - this.options.duplicateWindowMs;
    return this.ordered.find(
      (p) =>
        p.authorId === authorId && p.deletedAt === null && p.expandedText === text && p.createdAt >= since,
    );
  }

  /** Visible posts, newest first; older versions of edited posts only with `showSupersededEdits`. */
  newestFirst(keep: (p: XPost) => boolean): XPost[] {
    const out: XPost[] = [];
    for (let i = this.ordered.length - 1; i >= 0; i--) {
      const p = this.ordered[i]!;
      if (p.deletedAt !== null) continue;
      if (p.supersededBy !== null && !this.options.showSupersededEdits) continue;
      if (keep(p)) out.push(p);
    }
    return out;
  }

  /** Current versions of visible posts. */
  count(): number {
    return this.ordered.filter((p) => p.deletedAt === null && p.supersededBy === null).length;
  }

  clear(): void {
    this.posts = new Map();
    this.ordered = [];
  }

  private usernameOf(userId: string): string {
    return this.users.byId(userId)?.username ?? userId;
  }

  private compose(text: string, id: string, authorId: string, quotedId: string | null, media: XMedia[]) {
    const quoted = quotedId ? this.posts.get(quotedId) : undefined;
    return composePostText(
      {
        text,
        postId: id,
        authorUsername: this.usernameOf(authorId),
        quoted: quoted ? { id: quoted.id, authorUsername: this.usernameOf(quoted.authorId) } : null,
        media,
        appendQuoteUrl: this.options.appendQuoteUrl,
        appendMediaUrl: this.options.appendMediaUrl,
      },
      this.shortener,
    );
  }

  private store(post: XPost): void {
    this.posts.set(post.id, post);
    this.ordered.push(post);
  }
}

import { HeldRequests } from '../held';
import { type ResolvedOptions, resolveOptions, type SimulatorOptions } from '../options';
import type { XEndpoint } from './endpoints';
import { FaultBook } from './faults';
import { RateLimiter } from './rateLimits';
import { detectLang, mentionedUsernames } from './text';

export interface XUser {
  id: string;
  username: string;
  name: string;
  description: string;
  createdAt: number;
  followersCount: number;
  followingCount: number;
  listedCount: number;
  verified: boolean;
  profileImageUrl: string;
}

export interface XPost {
  id: string;
  authorId: string;
  text: string;
  createdAt: number;
  /** Id of the thread's root post; a root post carries its own id. */
  conversationId: string;
  inReplyToPostId: string | null;
  inReplyToUserId: string | null;
  quotedPostId: string | null;
  deletedAt: number | null;
  lang: string;
}

export interface NewPost {
  authorId: string;
  text: string;
  inReplyToPostId?: string | null;
  quotedPostId?: string | null;
  createdAt?: number;
}

export interface SimulatorStats {
  requests: Record<string, number>;
  brandPostsCreated: number;
  posts: number;
}

const FIRST_POST_ID = 1850000000000000000n;
// One millisecond in a snowflake: ids stay 19 digits and far apart, so no client is tempted to do arithmetic on them.
const POST_ID_STEP = 1n << 22n;
const FIRST_CUSTOMER_ID = 1700000000000000000n;
const DEFAULT_AVATAR = 'https://abs.twimg.com/sticky/default_profile_images/default_profile_normal.png';

/** In-memory state of the X stand-in: users, posts, tokens, rate-limit windows, faults, request counts. */
export class SimulatorState {
  readonly options: ResolvedOptions;
  readonly brand: XUser;
  readonly now: () => number;
  readonly rateLimits: RateLimiter;
  readonly faults = new FaultBook();
  readonly held = new HeldRequests();

  private users = new Map<string, XUser>();
  private idByUsername = new Map<string, string>();
  private posts = new Map<string, XPost>();
  /** Ascending by id, which is also creation order. */
  private ordered: XPost[] = [];
  // Ids keep growing across resets, so a client's saved since_id never hides posts made after a reset.
  private lastPostId = FIRST_POST_ID;
  private lastCustomerId = FIRST_CUSTOMER_ID;
  private revokedTokens = new Set<string>();
  private requestCounts: Record<string, number> = {};
  private brandPostsCreated = 0;

  constructor(options: SimulatorOptions = {}) {
    this.options = resolveOptions(options);
    this.now = this.options.now;
    this.rateLimits = new RateLimiter(this.options.rateLimits, this.now);
    const { id, username, name } = this.options.brand;
    this.brand = {
      id,
      username,
      name,
      description: `Hier hilft das Team von ${name}. Mo-So 8-22 Uhr.`,
      createdAt: Date.UTC(2012, 2, 1),
      followersCount: 184_000,
      followingCount: 12,
      listedCount: 950,
      verified: true,
      profileImageUrl: DEFAULT_AVATAR,
    };
    this.addUser(this.brand);
  }

  isTokenAccepted(token: string): boolean {
    return this.options.bearerTokens.includes(token) && !this.revokedTokens.has(token);
  }

  revokeToken(token: string): void {
    this.revokedTokens.add(token);
  }

  userById(id: string): XUser | undefined {
    return this.users.get(id);
  }

  userByUsername(username: string): XUser | undefined {
    const id = this.idByUsername.get(username.toLowerCase());
    return id === undefined ? undefined : this.users.get(id);
  }

  /** Finds a customer by username or creates one; later calls may update the display name and counts. */
  upsertCustomer(input: {
    username: string;
    name: string;
    followersCount?: number;
    verified?: boolean;
  }): XUser {
    const existing = this.userByUsername(input.username);
    if (existing) {
      if (existing.id === this.brand.id) return existing;
      existing.name = input.name;
      if (input.followersCount !== undefined) existing.followersCount = input.followersCount;
      if (input.verified !== undefined) existing.verified = input.verified;
      return existing;
    }
    this.lastCustomerId += 1_000_003n;
    const user: XUser = {
      id: this.lastCustomerId.toString(),
      username: input.username,
      name: input.name,
      description: '',
      createdAt: this.now() - 400 * 24 * 60 * 60 * 1000,
      followersCount: input.followersCount ?? 42,
      followingCount: 180,
      listedCount: 0,
      verified: input.verified ?? false,
      profileImageUrl: DEFAULT_AVATAR,
    };
    this.addUser(user);
    return user;
  }

  /** Any post ever created, deleted ones included. */
  postById(id: string): XPost | undefined {
    return this.posts.get(id);
  }

  visiblePost(id: string): XPost | undefined {
    const post = this.posts.get(id);
    return post && post.deletedAt === null ? post : undefined;
  }

  /**
   * Stores a post; the caller has checked that the author and the replied-to post exist.
   * Only posts made through the API count as brand posts in the stats, which tests use to prove exactly-once.
   */
  createPost(input: NewPost, origin: 'api' | 'control'): XPost {
    this.lastPostId += POST_ID_STEP;
    const id = this.lastPostId.toString();
    const parent = input.inReplyToPostId ? this.posts.get(input.inReplyToPostId) : undefined;
    const post: XPost = {
      id,
      authorId: input.authorId,
      text: input.text,
      createdAt: input.createdAt ?? this.now(),
      conversationId: parent ? parent.conversationId : id,
      inReplyToPostId: parent ? parent.id : null,
      inReplyToUserId: parent ? parent.authorId : null,
      quotedPostId: input.quotedPostId ?? null,
      deletedAt: null,
      lang: detectLang(input.text),
    };
    this.posts.set(id, post);
    this.ordered.push(post);
    if (origin === 'api' && post.authorId === this.brand.id) this.brandPostsCreated += 1;
    return post;
  }

  deletePost(id: string): void {
    const post = this.posts.get(id);
    if (post && post.deletedAt === null) post.deletedAt = this.now();
  }

  /** Visible posts, newest first. */
  allPosts(): XPost[] {
    return this.newestFirst(() => true);
  }

  postsBy(userId: string): XPost[] {
    return this.newestFirst((p) => p.authorId === userId);
  }

  /** Posts by others that name the user's @handle or reply to one of the user's posts, newest first. */
  mentionsOf(userId: string): XPost[] {
    const user = this.users.get(userId);
    if (!user) return [];
    const handle = user.username.toLowerCase();
    return this.newestFirst((p) => {
      if (p.authorId === userId) return false;
      if (p.inReplyToUserId === userId) return true;
      return mentionedUsernames(p.text).includes(handle);
    });
  }

  /** The author's visible post with exactly this text made within the duplicate window, if any. */
  findDuplicate(authorId: string, text: string): XPost | undefined {
    const since = this.now() - this.options.duplicateWindowMs;
    return this.ordered.find(
      (p) => p.authorId === authorId && p.deletedAt === null && p.text === text && p.createdAt >= since,
    );
  }

  recordRequest(endpoint: XEndpoint): void {
    this.requestCounts[endpoint] = (this.requestCounts[endpoint] ?? 0) + 1;
  }

  stats(): SimulatorStats {
    return {
      requests: { ...this.requestCounts },
      brandPostsCreated: this.brandPostsCreated,
      posts: this.ordered.filter((p) => p.deletedAt === null).length,
    };
  }

  /** Back to an empty world with the same brand, tokens and configured limits. */
  reset(): void {
    this.users = new Map();
    this.idByUsername = new Map();
    this.addUser(this.brand);
    this.posts = new Map();
    this.ordered = [];
    this.revokedTokens = new Set();
    this.requestCounts = {};
    this.brandPostsCreated = 0;
    this.rateLimits.clearWindows();
    this.faults.clear();
    this.held.dropAll();
  }

  private addUser(user: XUser): void {
    this.users.set(user.id, user);
    this.idByUsername.set(user.username.toLowerCase(), user.id);
  }

  private newestFirst(keep: (p: XPost) => boolean): XPost[] {
    const out: XPost[] = [];
    for (let i = this.ordered.length - 1; i >= 0; i--) {
      const p = this.ordered[i]!;
      if (p.deletedAt === null && keep(p)) out.push(p);
    }
    return out;
  }
}

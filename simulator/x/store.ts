import { HeldRequests } from '../held';
import { XOAuth2Store } from '../oauth/xOAuth2Store';
import { type ResolvedOptions, resolveOptions, type SimulatorOptions } from '../options';
import { DmStore, type XDmEvent } from './dms';
import type { XEndpoint } from './endpoints';
import { FaultBook } from './faults';
import { MediaStore, type NewMedia } from './media';
import { type EditResult, type NewPost, PostStore, type XPost } from './posts';
import { DEFAULT_X_APP_RATE_LIMITS, DEFAULT_X_RATE_LIMITS, RateLimiter } from './rateLimits';
import { type MediaCategory, type UploadMediaType, type UploadSession, UploadStore } from './uploads';
import { type CustomerInput, DEFAULT_AVATAR, UserDirectory, type XUser } from './users';

export type { EditResult, NewPost, XPost } from './posts';
export type { XUser } from './users';

export interface SimulatorStats {
  requests: Record<string, number>;
  brandPostsCreated: number;
  posts: number;
  brandDmsCreated: number;
  dms: number;
  /** Uploads finalized through the media upload endpoints. */
  mediaUploaded: number;
}

export interface NewDmInput {
  senderId: string;
  recipientId: string;
  text: string;
  /** New media sent with the message (control API). */
  media?: NewMedia[];
  /** Media that already exist (API `attachments[].media_id`). */
  mediaKeys?: string[];
  createdAt?: number;
}

const FIRST_ID = 1850000000000000000n;
// One millisecond in a snowflake: ids stay 19 digits and far apart, so no client is tempted to do arithmetic on them.
const ID_STEP = 1n << 22n;

/** In-memory state of the X stand-in: users, posts, DMs, media, tokens, rate-limit windows, faults, counts. */
export class SimulatorState {
  readonly options: ResolvedOptions;
  readonly brand: XUser;
  readonly now: () => number;
  readonly rateLimits: RateLimiter;
  readonly appRateLimits: RateLimiter;
  readonly faults = new FaultBook();
  readonly held = new HeldRequests();
  readonly media = new MediaStore();
  readonly dms = new DmStore();
  readonly uploads: UploadStore;
  /** OAuth 2.0 (PKCE) codes and tokens issued by the simulator's authorize/token endpoints. */
  readonly oauth2: XOAuth2Store;

  private readonly users: UserDirectory;
  private readonly posts: PostStore;
  // Posts, media and DM events share one id sequence, as snowflakes do. Ids keep growing across resets,
  // so a client's saved since_id never hides posts made after a reset.
  private lastId = FIRST_ID;
  private revokedTokens = new Set<string>();
  private requestCounts: Record<string, number> = {};
  private brandPostsCreated = 0;
  private brandDmsCreated = 0;

  constructor(options: SimulatorOptions = {}) {
    this.options = resolveOptions(options);
    this.now = this.options.now;
    this.oauth2 = new XOAuth2Store(this.now);
    this.rateLimits = new RateLimiter(DEFAULT_X_RATE_LIMITS, this.options.rateLimits, this.now);
    this.appRateLimits = new RateLimiter(DEFAULT_X_APP_RATE_LIMITS, this.options.appRateLimits, this.now);
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
      acceptsDms: true,
    };
    this.users = new UserDirectory(this.brand, this.now);
    this.uploads = new UploadStore(this.media, this.now);
    this.posts = new PostStore(this.options, this.users, this.media, () => this.nextId());
  }

  isTokenAccepted(token: string): boolean {
    const known =
      this.options.bearerTokens.includes(token) ||
      this.isAppOnlyToken(token) ||
      this.oauth2.isAccessTokenValid(token);
    return known && !this.revokedTokens.has(token);
  }

  isAppOnlyToken(token: string): boolean {
    return this.options.appOnlyBearerTokens.includes(token);
  }

  /** A new upload session; its media id comes from the shared id sequence, as X's do. */
  startUpload(input: {
    mediaType: UploadMediaType;
    category: MediaCategory;
    totalBytes: number;
  }): UploadSession {
    return this.uploads.start(this.nextId(), input);
  }

  revokeToken(token: string): void {
    this.revokedTokens.add(token);
  }

  userById(id: string): XUser | undefined {
    return this.users.byId(id);
  }

  userByUsername(username: string): XUser | undefined {
    return this.users.byUsername(username);
  }

  upsertCustomer(input: CustomerInput): XUser {
    return this.users.upsertCustomer(input);
  }

  /** Any post ever created, deleted ones and older versions of edited ones included. */
  postById(id: string): XPost | undefined {
    return this.posts.get(id);
  }

  visiblePost(id: string): XPost | undefined {
    const post = this.posts.get(id);
    return post && post.deletedAt === null ? post : undefined;
  }

  /**
   * Stores a post (see PostStore.create). Only posts made through the API count as brand posts in the
   * stats, which tests use to prove exactly-once.
   */
  createPost(input: NewPost, origin: 'api' | 'control'): XPost {
    const post = this.posts.create(input);
    if (origin === 'api' && post.authorId === this.brand.id) this.brandPostsCreated += 1;
    return post;
  }

  editPost(id: string, text: string): EditResult {
    return this.posts.edit(id, text);
  }

  deletePost(id: string): void {
    this.posts.delete(id);
  }

  /** Visible posts, newest first; older versions of edited posts only with `showSupersededEdits`. */
  allPosts(): XPost[] {
    return this.posts.newestFirst(() => true);
  }

  postsBy(userId: string): XPost[] {
    return this.posts.newestFirst((p) => p.authorId === userId);
  }

  mentionsOf(userId: string): XPost[] {
    const user = this.users.byId(userId);
    return user ? this.posts.mentionsOf(userId, user.username) : [];
  }

  findDuplicate(authorId: string, text: string): XPost | undefined {
    return this.posts.findDuplicate(authorId, text);
  }

  /** Stores a DM event; the caller has checked both users exist. */
  createDm(input: NewDmInput, origin: 'api' | 'control'): XDmEvent {
    const media = (input.media ?? []).map((m) => this.media.create(m, this.nextId()));
    const event = this.dms.create({
      id: this.nextId(),
      senderId: input.senderId,
      recipientId: input.recipientId,
      text: input.text,
      createdAt: input.createdAt ?? this.now(),
      mediaKeys: [...(input.mediaKeys ?? []), ...media.map((m) => m.key)],
    });
    if (origin === 'api' && input.senderId === this.brand.id) this.brandDmsCreated += 1;
    return event;
  }

  recordRequest(endpoint: XEndpoint): void {
    this.requestCounts[endpoint] = (this.requestCounts[endpoint] ?? 0) + 1;
  }

  stats(): SimulatorStats {
    return {
      requests: { ...this.requestCounts },
      brandPostsCreated: this.brandPostsCreated,
      posts: this.posts.count(),
      brandDmsCreated: this.brandDmsCreated,
      dms: this.dms.count(),
      mediaUploaded: this.uploads.finalized(),
    };
  }

  /** Back to an empty world with the same brand, tokens and configured limits. */
  reset(): void {
    this.users.reset();
    this.posts.clear();
    this.media.clear();
    this.uploads.clear();
    this.dms.clear();
    this.revokedTokens = new Set();
    this.requestCounts = {};
    this.brandPostsCreated = 0;
    this.brandDmsCreated = 0;
    this.rateLimits.clearWindows();
    this.appRateLimits.clearWindows();
    this.faults.clear();
    this.held.dropAll();
  }

  private nextId(): string {
    this.lastId += ID_STEP;
    return this.lastId.toString();
  }
}

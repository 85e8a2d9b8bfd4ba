import { HeldRequests } from '../held';
import { PageActivityLog } from './activity';
import { ContentStore, type FbComment, type FbPost, postNumber } from './content';
import type { FbEndpoint, ObjectKind } from './endpoints';
import { FacebookFaultBook } from './faults';
import { MessengerStore } from './messenger';
import { type FacebookOptions, type ResolvedFacebookOptions, resolveFacebookOptions } from './options';
import { PeopleDirectory } from './people';
import { UsageMeter } from './usage';
import { type Actor, commentChange, type FeedVerb } from './webhookEvents';
import { WebhookDispatcher, type WebhookPayload } from './webhooks';

export interface FacebookStats {
  requests: Record<string, number>;
  pageActions: number;
  posts: number;
  comments: number;
  messages: number;
  webhookDeliveries: number;
}

/** In-memory state of the Graph stand-in: the Page, people, posts, comments, Messenger, usage, faults. */
export class FacebookState {
  readonly options: ResolvedFacebookOptions;
  readonly page: { id: string; name: string };
  readonly people: PeopleDirectory;
  readonly content: ContentStore;
  readonly messenger = new MessengerStore();
  readonly activity = new PageActivityLog();
  readonly faults = new FacebookFaultBook();
  readonly held = new HeldRequests();
  readonly appUsage: UsageMeter;
  readonly pageUsage: UsageMeter;
  readonly webhooks: WebhookDispatcher;

  private revokedTokens = new Set<string>();
  private requestCounts: Record<string, number> = {};
  private webhookEvents = 0;

  constructor(
    options: FacebookOptions = {},
    readonly now: () => number = Date.now,
  ) {
    this.options = resolveFacebookOptions(options);
    this.page = { ...this.options.page };
    this.people = new PeopleDirectory(this.options.commenterIdIsPsid);
    this.content = new ContentStore(this.page.id);
    this.appUsage = new UsageMeter(this.options.appUsagePerCall, this.options.usageWindowMs, now);
    this.pageUsage = new UsageMeter(this.options.pageUsagePerCall, this.options.usageWindowMs, now);
    this.webhooks = new WebhookDispatcher({
      retryDelaysMs: this.options.webhookRetryDelaysMs,
      timeoutMs: this.options.webhookTimeoutMs,
      history: this.options.webhookHistory,
      now,
      takeFault: () => this.faults.takeWebhookFault(),
    });
  }

  tokenStatus(token: string | null): 'missing' | 'unknown' | 'revoked' | 'ok' {
    if (token === null || token === '') return 'missing';
    if (!this.options.pageTokens.includes(token)) return 'unknown';
    return this.revokedTokens.has(token) ? 'revoked' : 'ok';
  }

  revokeToken(token: string): void {
    this.revokedTokens.add(token);
  }

  /** What an id in a path names; ids the simulator never made are guessed from their shape. */
  kindOf(id: string): ObjectKind {
    if (id === 'me' || id === this.page.id) return 'page';
    if (this.content.post(id)) return 'post';
    if (this.content.comment(id)) return 'comment';
    if (this.messenger.conversation(id)) return 'conversation';
    if (this.messenger.message(id)) return 'message';
    if (id.startsWith('t_')) return 'conversation';
    if (id.startsWith('m_')) return 'message';
    if (id.startsWith(`${this.page.id}_`)) return 'post';
    if (/^\d+_\d+$/.test(id)) return 'comment';
    return 'unknown';
  }

  /** The Page or the person behind an author id. */
  actor(authorId: string): Actor {
    if (authorId === this.page.id) return { ...this.page };
    const person = this.people.byUserId(authorId);
    return { id: authorId, name: person?.name ?? 'Facebook User' };
  }

  postPermalink(post: FbPost): string {
    return `https://www.facebook.com/${this.page.id}/posts/${postNumber(post.id)}`;
  }

  commentPermalink(comment: FbComment): string {
    const post = this.content.post(comment.postId)!;
    const m = (id: string) => id.slice(id.indexOf('_') + 1);
    const base = `${this.postPermalink(post)}?comment_id=${m(comment.parentId ?? comment.id)}`;
    return comment.parentId ? `${base}&reply_comment_id=${m(comment.id)}` : base;
  }

  /** Sends the feed webhook for a comment change (no-op without a subscriber). */
  emitCommentChange(comment: FbComment, verb: FeedVerb, at: number): void {
    const post = this.content.post(comment.postId)!;
    this.emit(
      commentChange({
        pageId: this.page.id,
        post,
        permalink: this.postPermalink(post),
        comment,
        verb,
        from: this.actor(comment.authorId),
        at,
      }),
    );
  }

  emit(payload: WebhookPayload): void {
    if (this.webhooks.subscribed) this.webhookEvents += 1;
    this.webhooks.emit(payload);
  }

  recordRequest(endpoint: FbEndpoint): void {
    this.requestCounts[endpoint] = (this.requestCounts[endpoint] ?? 0) + 1;
  }

  stats(): FacebookStats {
    const counts = this.content.counts();
    return {
      requests: { ...this.requestCounts },
      pageActions: this.activity.count(),
      posts: counts.posts,
      comments: counts.comments,
      messages: this.messenger.count(),
      webhookDeliveries: this.webhookEvents,
    };
  }

  /** Back to an empty Page with the same id, name, tokens, settings and webhook subscription. */
  reset(): void {
    this.people.clear();
    this.content.clear();
    this.messenger.clear();
    this.activity.clear();
    this.faults.clear();
    this.held.dropAll();
    this.appUsage.clear();
    this.pageUsage.clear();
    this.webhooks.clear();
    this.revokedTokens = new Set();
    this.requestCounts = {};
    this.webhookEvents = 0;
  }

  /** Stops retry timers and drops held requests (server shutdown). */
  close(): void {
    this.held.dropAll();
    this.webhooks.stop();
  }
}

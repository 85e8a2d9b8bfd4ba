/**
 * Settings of the Facebook Graph API stand-in. Everything reference §6–11 leaves open is a setting here,
 * with the guess as its default and `UNCONFIRMED` beside it.
 */
export interface FacebookOptions {
  /** The one Page every token acts for. */
  page?: { id?: string; name?: string };
  /** Page access tokens the Graph API accepts (query `access_token`, form field, or `Authorization: Bearer`). */
  pageTokens?: string[];
  /** The Graph version this stand-in plays (v25.0); paging URLs keep the version the request used. */
  apiVersion?: string;
  /** Any `/vNN.N/` prefix is served when true; otherwise only `apiVersion` (others: code 2500, UNCONFIRMED). */
  acceptAnyVersion?: boolean;
  /** Origin written into paging URLs; by default the origin the request came in on. */
  publicBaseUrl?: string;
  /** UNCONFIRMED: the `filter` of GET /{object-id}/comments when none is given. */
  commentsDefaultFilter?: 'toplevel' | 'stream';
  /** UNCONFIRMED: the `order` of GET /{object-id}/comments when none is given. */
  commentsDefaultOrder?: 'chronological' | 'reverse_chronological';
  /** UNCONFIRMED: fields of a comment when `fields` is not given. */
  commentDefaultFields?: string[];
  /** UNCONFIRMED: fields of a post in /feed, /posts, /published_posts when `fields` is not given. */
  postDefaultFields?: string[];
  /** UNCONFIRMED: fields of a conversation when `fields` is not given. */
  conversationDefaultFields?: string[];
  /** UNCONFIRMED: fields of a Messenger message when `fields` is not given. */
  messageDefaultFields?: string[];
  /** UNCONFIRMED: the feed is ordered (and `since`/`until` filter) by this time; created_time by default. */
  feedOrderBy?: 'created_time' | 'updated_time';
  /** UNCONFIRMED: how far into a comment listing an `after` cursor may point before code 100 refuses it. */
  commentsMaxAfterOffset?: number;
  /** Private replies are allowed this long after the comment (7 days). */
  privateReplyWindowMs?: number;
  /** Standard messaging window after the person's last message (24 h). */
  standardWindowMs?: number;
  /** HUMAN_AGENT tag window after the person's last message (7 days). */
  humanAgentWindowMs?: number;
  /**
   * UNCONFIRMED: whether the id in a comment's `from` equals the person's Messenger PSID. Real Pages see
   * different ids (the PSID is page-scoped for Messenger), so they differ by default.
   */
  commenterIdIsPsid?: boolean;
  /** Percent of the hourly app budget (X-App-Usage call_count) each Graph call uses. */
  appUsagePerCall?: number;
  /** Percent of the Page's business-use-case budget (X-Business-Use-Case-Usage) each call uses. */
  pageUsagePerCall?: number;
  /** Rolling window over which usage decays (one hour). */
  usageWindowMs?: number;
  /** UNCONFIRMED: whether calls refused for being over budget still count towards usage. */
  countThrottledCalls?: boolean;
  /**
   * Code of the error for a Page over its budget: 32 (what the `429` fault answers, as the issue asks) or
   * 80001 (what reference §7 gives for page tokens). UNCONFIRMED which one page tokens really see.
   */
  pageRateLimitCode?: 32 | 80001;
  /** UNCONFIRMED: HTTP status of rate-limit errors (clients must decide on error.code anyway). */
  rateLimitHttpStatus?: number;
  /** Subcode of code 190 once a `revoke` fault killed a token: 460 (password changed) or 467 (logged out). */
  revokeSubcode?: 460 | 467 | 492;
  /** How long a `timeout` fault holds a request before dropping the connection. */
  timeoutFaultMs?: number;
  /**
   * Pauses before retrying a failed webhook delivery; one retry per entry. Real Facebook retries for 36 h
   * with growing pauses (schedule UNCONFIRMED).
   */
  webhookRetryDelaysMs?: number[];
  /** How long a webhook POST may take before it counts as failed. */
  webhookTimeoutMs?: number;
  /** How many past deliveries are kept for GET /_sim/facebook/webhook and redelivery. */
  webhookHistory?: number;
}

export interface ResolvedFacebookOptions {
  page: { id: string; name: string };
  pageTokens: string[];
  apiVersion: string;
  acceptAnyVersion: boolean;
  publicBaseUrl: string | null;
  commentsDefaultFilter: 'toplevel' | 'stream';
  commentsDefaultOrder: 'chronological' | 'reverse_chronological';
  commentDefaultFields: string[];
  postDefaultFields: string[];
  conversationDefaultFields: string[];
  messageDefaultFields: string[];
  feedOrderBy: 'created_time' | 'updated_time';
  commentsMaxAfterOffset: number;
  privateReplyWindowMs: number;
  standardWindowMs: number;
  humanAgentWindowMs: number;
  commenterIdIsPsid: boolean;
  appUsagePerCall: number;
  pageUsagePerCall: number;
  usageWindowMs: number;
  countThrottledCalls: boolean;
  pageRateLimitCode: 32 | 80001;
  rateLimitHttpStatus: number;
  revokeSubcode: 460 | 467 | 492;
  timeoutFaultMs: number;
  webhookRetryDelaysMs: number[];
  webhookTimeoutMs: number;
  webhookHistory: number;
}

export const DEFAULT_FB_PAGE = { id: '1010000000000001', name: 'Demo Hilft' };
export const DEFAULT_FB_PAGE_TOKEN = 'sim-fb-page-token';
export const DEFAULT_GRAPH_VERSION = 'v25.0';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

export function resolveFacebookOptions(options: FacebookOptions = {}): ResolvedFacebookOptions {
  return {
    page: { id: options.page?.id ?? DEFAULT_FB_PAGE.id, name: options.page?.name ?? DEFAULT_FB_PAGE.name },
    pageTokens: options.pageTokens ?? [DEFAULT_FB_PAGE_TOKEN],
    apiVersion: options.apiVersion ?? DEFAULT_GRAPH_VERSION,
    acceptAnyVersion: options.acceptAnyVersion ?? true,
    publicBaseUrl: options.publicBaseUrl?.replace(/\/+$/, '') ?? null,
    commentsDefaultFilter: options.commentsDefaultFilter ?? 'toplevel',
    commentsDefaultOrder: options.commentsDefaultOrder ?? 'chronological',
    commentDefaultFields: options.commentDefaultFields ?? ['created_time', 'from', 'message', 'id'],
    postDefaultFields: options.postDefaultFields ?? ['created_time', 'message', 'id'],
    conversationDefaultFields: options.conversationDefaultFields ?? ['id', 'updated_time'],
    messageDefaultFields: options.messageDefaultFields ?? ['id', 'created_time'],
    feedOrderBy: options.feedOrderBy ?? 'created_time',
    commentsMaxAfterOffset: options.commentsMaxAfterOffset ?? 500,
    privateReplyWindowMs: options.privateReplyWindowMs ?? 7 * DAY_MS,
    standardWindowMs: options.standardWindowMs ?? DAY_MS,
    humanAgentWindowMs: options.humanAgentWindowMs ?? 7 * DAY_MS,
    commenterIdIsPsid: options.commenterIdIsPsid ?? false,
    // 0.1 % a call: about 1000 calls an hour before throttling, enough for demo polling; tests raise it.
    appUsagePerCall: options.appUsagePerCall ?? 0.1,
    pageUsagePerCall: options.pageUsagePerCall ?? 0.1,
    usageWindowMs: options.usageWindowMs ?? HOUR_MS,
    countThrottledCalls: options.countThrottledCalls ?? false,
    pageRateLimitCode: options.pageRateLimitCode ?? 32,
    rateLimitHttpStatus: options.rateLimitHttpStatus ?? 400,
    revokeSubcode: options.revokeSubcode ?? 460,
    timeoutFaultMs: options.timeoutFaultMs ?? 60_000,
    webhookRetryDelaysMs: options.webhookRetryDelaysMs ?? [100, 400, 1600],
    webhookTimeoutMs: options.webhookTimeoutMs ?? 5000,
    webhookHistory: options.webhookHistory ?? 200,
  };
}

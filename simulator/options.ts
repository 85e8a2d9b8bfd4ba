import type { FacebookOptions } from './facebook/options';
import type { XEndpoint } from './x/endpoints';

export {
  DEFAULT_FB_PAGE,
  DEFAULT_FB_PAGE_TOKEN,
  DEFAULT_GRAPH_VERSION,
  type FacebookOptions,
} from './facebook/options';

import type { RateLimitRule } from './x/rateLimits';

export interface SimulatorOptions {
  /** The account the bearer tokens act for: the brand whose mentions the inbox reads. */
  brand?: { id?: string; username: string; name: string };
  /** Bearer tokens the X API accepts; every token acts as the brand. */
  bearerTokens?: string[];
  /** App-only bearer tokens: accepted for reads, refused (403) where X needs a user context (media upload). */
  appOnlyBearerTokens?: string[];
  /** Clock in epoch milliseconds; tests pass a fake one to move rate-limit windows. */
  now?: () => number;
  /** Per-endpoint overrides of the per-user rate limits (limit per window, window length). */
  rateLimits?: Partial<Record<XEndpoint, Partial<RateLimitRule>>>;
  /** Per-endpoint overrides of the per-app limits (24 h windows by default, `x-app-limit-24hour-*`). */
  appRateLimits?: Partial<Record<XEndpoint, Partial<RateLimitRule>>>;
  /** How far back an identical brand post makes a new one a duplicate (UNCONFIRMED: X does not publish it). */
  duplicateWindowMs?: number;
  /** How long a `timeout` fault holds a request before dropping the connection. */
  timeoutFaultMs?: number;
  /** UNCONFIRMED whether listings show the older versions of an edited post; they do not by default. */
  showSupersededEdits?: boolean;
  /** UNCONFIRMED (not in the reference): how long after posting a post may be edited, and how often. */
  editWindowMs?: number;
  maxEdits?: number;
  /** UNCONFIRMED: X appends the quoted post's permalink (as a t.co link) to a quote post's text. */
  appendQuoteUrl?: boolean;
  /** UNCONFIRMED: X appends a t.co link to the media (pic.x.com/…) to the text of a post with media. */
  appendMediaUrl?: boolean;
  /**
   * UNCONFIRMED: v2 cuts the `RT @user: …` text of a retweet to this many characters (ending in "…");
   * null keeps it whole.
   */
  retweetTextMaxLength?: number | null;
  /** UNCONFIRMED: whether a retweet of one of the brand's own posts (text `RT @brand: …`) is a mention. */
  retweetsOfOwnPostsInMentions?: boolean;
  /** UNCONFIRMED: the dm_event fields sent when `dm_event.fields` is not given. */
  dmEventDefaultFields?: string[];
  /** Longest search query accepted (512 on the basic product; higher tiers allow more). */
  searchQueryMaxLength?: number;
  /** The Facebook Graph API stand-in (simulator/facebook/options.ts); `now` above is its clock too. */
  facebook?: FacebookOptions;
}

export interface ResolvedOptions {
  brand: { id: string; username: string; name: string };
  bearerTokens: string[];
  appOnlyBearerTokens: string[];
  now: () => number;
  rateLimits: Partial<Record<XEndpoint, Partial<RateLimitRule>>>;
  appRateLimits: Partial<Record<XEndpoint, Partial<RateLimitRule>>>;
  duplicateWindowMs: number;
  timeoutFaultMs: number;
  showSupersededEdits: boolean;
  editWindowMs: number;
  maxEdits: number;
  appendQuoteUrl: boolean;
  appendMediaUrl: boolean;
  retweetTextMaxLength: number | null;
  retweetsOfOwnPostsInMentions: boolean;
  dmEventDefaultFields: string[];
  searchQueryMaxLength: number;
}

export const DEFAULT_BRAND = {
  id: '1600000000000000001',
  username: 'demo_hilft',
  name: 'Demo Hilft',
};
export const DEFAULT_BEARER_TOKEN = 'sim-x-token';

export function resolveOptions(options: SimulatorOptions = {}): ResolvedOptions {
  return {
    brand: {
      id: options.brand?.id ?? DEFAULT_BRAND.id,
      username: options.brand?.username ?? DEFAULT_BRAND.username,
      name: options.brand?.name ?? DEFAULT_BRAND.name,
    },
    bearerTokens: options.bearerTokens ?? [DEFAULT_BEARER_TOKEN],
    appOnlyBearerTokens: options.appOnlyBearerTokens ?? [],
    now: options.now ?? Date.now,
    rateLimits: options.rateLimits ?? {},
    appRateLimits: options.appRateLimits ?? {},
    duplicateWindowMs: options.duplicateWindowMs ?? 24 * 60 * 60 * 1000,
    timeoutFaultMs: options.timeoutFaultMs ?? 60_000,
    showSupersededEdits: options.showSupersededEdits ?? false,
    editWindowMs: options.editWindowMs ?? 60 * 60 * 1000,
    maxEdits: options.maxEdits ?? 5,
    appendQuoteUrl: options.appendQuoteUrl ?? true,
    appendMediaUrl: options.appendMediaUrl ?? true,
    retweetTextMaxLength: options.retweetTextMaxLength === undefined ? 140 : options.retweetTextMaxLength,
    retweetsOfOwnPostsInMentions: options.retweetsOfOwnPostsInMentions ?? true,
    dmEventDefaultFields: options.dmEventDefaultFields ?? ['id', 'event_type', 'text'],
    searchQueryMaxLength: options.searchQueryMaxLength ?? 512,
  };
}

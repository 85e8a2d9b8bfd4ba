import type { Platform } from '../../common/types';

/** A platform user as the adapter sees it, normalised. */
export interface PlatformUser {
  platformUserId: string;
  handle: string;
  name: string;
  avatarUrl: string | null;
  followersCount: number | null;
  verified: boolean;
}

/**
 * One item fetched from a platform (a post, comment or DM), normalised. Stored as JSON in
 * `inbound_items` before ingest, so its shape must stay serialisable.
 */
export interface InboundItem {
  externalId: string;
  /** Caredesk conversation key: items with the same key land in the same conversation. */
  threadKey: string;
  text: string;
  author: PlatformUser;
  /** True when the connected account itself wrote it (e.g. a reply posted natively on X). */
  fromAccount: boolean;
  inReplyToExternalId: string | null;
  createdAt: string;
  raw: unknown;
}

/** Adapter-owned poll position, stored as JSON in `channel_accounts.poll_cursor`. */
export type PollCursor = Record<string, unknown>;

export interface RateLimitSnapshot {
  endpoint: string;
  limit: number;
  remaining: number;
  /** Epoch milliseconds when the window resets. */
  resetAt: number;
}

export interface FetchResult {
  items: InboundItem[];
  cursor: PollCursor;
  rateLimits: RateLimitSnapshot[];
}

/** Where an outbound reply goes. */
export interface ReplyTarget {
  /** The platform item the reply answers (X: the customer's post id). */
  inReplyToExternalId: string;
}

export interface PostedReply {
  externalId: string;
  postedAt: string;
}

export interface AccountIdentity {
  externalUserId: string;
  handle: string;
  name: string;
}

/** The contract every platform implements; one small adapter per platform, chosen by the registry. */
export interface ChannelAdapter {
  readonly platform: Platform;
  verifyCredentials(): Promise<AccountIdentity>;
  /** Items newer than `cursor` (null: start from now-ish), and the cursor to store after they are saved. */
  fetchNew(cursor: PollCursor | null): Promise<FetchResult>;
  postReply(target: ReplyTarget, text: string): Promise<PostedReply>;
  /**
   * Looks for a reply the account already posted to `target` since `since` — the reconcile step
   * before retrying a send whose outcome is unknown (crash or timeout after the platform accepted it).
   */
  findPostedReply(target: ReplyTarget, since: Date): Promise<PostedReply | null>;
}

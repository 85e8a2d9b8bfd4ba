import type { MediaDto, MessageChannel, Platform, QuotedPostDto, TextEntities } from '../../common/types';
import type { AccountSettings } from './accountSettings';

/** A platform user as the adapter sees it, normalised. */
export interface PlatformUser {
  platformUserId: string;
  handle: string;
  name: string;
  avatarUrl: string | null;
  followersCount: number | null;
  verified: boolean;
}

/** Rich content kept with a message; rendered as text and links, never as HTML. */
export interface MessageContext {
  media: MediaDto[];
  entities: TextEntities | null;
  quoted: QuotedPostDto | null;
  /** Public link to the item; null for direct messages. */
  url: string | null;
  /** X DMs: the one-to-one conversation id ("<id>-<id>"). */
  dmConversationId?: string;
  /** X DMs: the customer in the conversation (for DMs the account itself sent). */
  counterpartId?: string;
  /** Facebook: the page post a comment belongs to. */
  contextPost?: { externalId: string; text: string; url: string | null };
}

/**
 * One item fetched from a platform (a post, comment or DM), normalised. Stored as JSON in
 * `inbound_items` before ingest, so its shape must stay serialisable.
 */
export interface InboundItem {
  externalId: string;
  /** Caredesk conversation key: items with the same key land in the same conversation. */
  threadKey: string;
  channel: MessageChannel;
  text: string;
  author: PlatformUser;
  /** True when the connected account itself wrote it (e.g. a reply posted natively on X). */
  fromAccount: boolean;
  inReplyToExternalId: string | null;
  createdAt: string;
  context: MessageContext;
  /** Earlier versions of an edited post (X gives an edit a new id): update, don't add. */
  supersedes?: string[];
  /**
   * A change to an item we have rather than a new one (Facebook webhooks: edited, removed,
   * hidden, unhidden). `externalId` names the item changed.
   */
  action?: 'edit' | 'remove' | 'hide' | 'unhide';
  /** Key in `inbound_items` when it differs from externalId (several changes to one comment). */
  dedupeKey?: string;
  /** Language the platform detected (ISO 639-1, e.g. "de"); absent when it does not say. */
  lang?: string;
  raw: unknown;
}

/** Adapter-owned position of one stream, stored as JSON under its key in `channel_accounts.poll_cursor`. */
export type StreamCursor = Record<string, unknown>;

export interface RateLimitSnapshot {
  endpoint: string;
  limit: number;
  remaining: number;
  /** Epoch milliseconds when the window resets. */
  resetAt: number;
}

/** Which share of the monthly read budget a stream spends. */
export type BudgetBucket = 'mentions' | 'own' | 'dms' | 'search';

/** Something the poller reads on a schedule: mentions, the account's own posts, DMs, a search. */
export interface StreamSpec {
  key: string;
  /** Rate-limit key (e.g. "GET /2/users/:id/mentions"), to respect the platform's headers. */
  endpoint: string;
  bucket: BudgetBucket;
  minIntervalMs: number;
  maxIntervalMs: number;
}

export interface IngestGap {
  newerThanId: string | null;
  olderThanId: string;
  note: string;
}

export interface StreamFetch {
  items: InboundItem[];
  /** Store after the items are stored; unchanged when `incomplete`. */
  cursor: StreamCursor;
  rateLimits: RateLimitSnapshot[];
  /** Resources read (what the platform bills). */
  reads: number;
  gap?: IngestGap;
  /** A later page failed: `items` are what was read, the cursor did not move. */
  incomplete?: Error;
}

/** Where an outbound reply goes. */
export type ReplyTarget =
  | { channel: 'public'; inReplyToExternalId: string }
  /** `tag`: Messenger outside the 24-hour window, human-written replies only. */
  | { channel: 'dm'; participantId: string; tag?: 'HUMAN_AGENT' }
  | { channel: 'private_reply'; commentId: string };

export type ModerationAction = 'hide' | 'unhide' | 'delete';

/** What goes with a reply's text: an image the platform fetches from our public URL. */
export interface ReplyExtras {
  attachmentUrl?: string;
  /** The same image for platforms that take an upload (X); its bytes are read only when needed. */
  attachment?: ReplyAttachment;
}

export interface ReplyAttachment {
  contentType: string;
  byteSize: number;
  load(): Promise<Buffer>;
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
  /** The streams to poll for an account with these settings. */
  streams(settings: AccountSettings): StreamSpec[];
  /** Items newer than `cursor` (null: start from now, newest page only). */
  fetchStream(key: string, cursor: StreamCursor | null): Promise<StreamFetch>;
  postReply(target: ReplyTarget, text: string, extras?: ReplyExtras): Promise<PostedReply>;
  /**
   * Looks for a reply the account already sent to `target` since `since` — the reconcile step
   * before retrying a send whose outcome is unknown (crash or timeout after the platform accepted it).
   */
  findPostedReply(target: ReplyTarget, text: string, since: Date): Promise<PostedReply | null>;
  /** Brand safety (Facebook comments); absent where the platform has no such action. */
  moderate?(externalId: string, action: ModerationAction): Promise<void>;
}

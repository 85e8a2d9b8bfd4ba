/**
 * Types shared by the server, the workers and the browser client.
 * The REST API and the socket.io events are described here once; both sides import them.
 */

export const PLATFORMS = ['x', 'facebook'] as const;
export type Platform = (typeof PLATFORMS)[number];

export const CONVERSATION_STATUSES = ['new', 'open', 'pending', 'resolved'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const MESSAGE_DIRECTIONS = ['inbound', 'outbound', 'note'] as const;
export type MessageDirection = (typeof MESSAGE_DIRECTIONS)[number];

/** Outbox state machine of an outbound message: queued -> sending -> sent | failed. */
export const DELIVERY_STATES = ['queued', 'sending', 'sent', 'failed'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

export const ROLES = ['admin', 'lead', 'agent', 'guide'] as const;
export type Role = (typeof ROLES)[number];

export interface UserDto {
  id: string;
  email: string;
  name: string;
  /** Signature appended to public replies, e.g. "AB" for "^AB". */
  initials: string;
  role: Role;
  locale: 'en' | 'de';
}

export interface ContactDto {
  id: string;
  platformUserId: string;
  handle: string;
  name: string;
  avatarUrl: string | null;
  followersCount: number | null;
  verified: boolean;
}

/** Inbox views (issue 5). `open` = new + open, unsnoozed. */
export const INBOX_VIEWS = ['unassigned', 'mine', 'open', 'pending', 'snoozed', 'resolved', 'all'] as const;
export type InboxView = (typeof INBOX_VIEWS)[number];

export interface ViewCountsResponse {
  counts: Record<InboxView, number>;
}

export interface ConversationSummary {
  id: string;
  platform: Platform;
  channelAccountId: string;
  accountHandle: string;
  contact: ContactDto;
  status: ConversationStatus;
  priority: Priority;
  assigneeId: string | null;
  assigneeName: string | null;
  /** Text of the latest message, trimmed for the list. */
  snippet: string;
  firstInboundAt: string | null;
  lastInboundAt: string | null;
  lastOutboundAt: string | null;
  firstResponseAt: string | null;
  /** When a snoozed conversation comes back (null: not snoozed). */
  snoozedUntil: string | null;
  tags: string[];
  updatedAt: string;
  version: number;
}

/** Where a message lives on the platform: a public post/comment, or a direct message. */
export const MESSAGE_CHANNELS = ['public', 'dm'] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

export interface MediaDto {
  type: 'photo' | 'video' | 'animated_gif';
  /** Full image (photos) or preview image (video, GIF); always https. */
  url: string;
  altText: string | null;
  width: number | null;
  height: number | null;
}

/** Code-point offsets into the message text, as the platform reports them. */
export interface TextEntities {
  urls: Array<{ start: number; end: number; url: string; expandedUrl: string; displayUrl: string }>;
  mentions: Array<{ start: number; end: number; username: string }>;
  hashtags: Array<{ start: number; end: number; tag: string }>;
}

/** The post a quote post quotes, shown with it. */
export interface QuotedPostDto {
  externalId: string;
  text: string;
  authorName: string;
  authorHandle: string;
  url: string;
}

export interface MessageDto {
  id: string;
  conversationId: string;
  direction: MessageDirection;
  channel: MessageChannel;
  text: string;
  media: MediaDto[];
  entities: TextEntities | null;
  quoted: QuotedPostDto | null;
  /** Link to the item on the platform, when it has one. */
  externalUrl: string | null;
  /** Facebook: the page post a comment was written under, shown as context. */
  contextPost: { externalId: string; text: string; url: string | null } | null;
  /** Brand-safety state of a customer comment (Facebook): hidden from the public, or deleted. */
  moderation: { hidden: boolean; deleted: boolean };
  /** Outbound only: a Facebook private reply (a Messenger message answering a comment). */
  privateReply: boolean;
  /** Platform id of the post/comment/DM; null for notes and unsent replies. */
  externalId: string | null;
  /** Platform id this outbound message replies to. */
  inReplyToExternalId: string | null;
  authorName: string;
  authorHandle: string | null;
  /** Set for messages written in Caredesk by an agent. */
  authorUserId: string | null;
  platformCreatedAt: string | null;
  receivedAt: string;
  deliveryState: DeliveryState | null;
  deliveryError: string | null;
  createdAt: string;
}

export interface ConversationDetail extends ConversationSummary {
  messages: MessageDto[];
  replyOptions: ReplyOption[];
}

/** Every error the API returns has this body. */
export interface ApiErrorBody {
  error: { code: string; message: string; field?: string };
}

// ---- REST contract -------------------------------------------------------------------------------

export interface LoginRequest {
  email: string;
  password: string;
}
export interface LoginResponse {
  user: UserDto;
}
export interface MeResponse {
  user: UserDto;
}
export interface ConversationListResponse {
  items: ConversationSummary[];
  /** Opaque keyset cursor for the next page; null when there is none. */
  nextCursor: string | null;
}
export interface ConversationResponse {
  conversation: ConversationDetail;
}
/** How an agent can answer: in public, by DM, or (Facebook) by a private reply to a comment. */
export const REPLY_KINDS = ['public', 'dm', 'private_reply'] as const;
export type ReplyKind = (typeof REPLY_KINDS)[number];

/** Whether a reply kind is possible right now, and why not; the composer shows this. */
export interface ReplyOption {
  kind: ReplyKind;
  allowed: boolean;
  /** Why it is not allowed (or what applies, e.g. "HUMAN_AGENT tag: human-written replies only"). */
  reason: string | null;
  /** Until when it stays allowed (Messenger 24 h / 7 d window, private reply 7 days). */
  until: string | null;
  maxLength: number;
  /** True when the length is X's weighted count; false for plain characters. */
  weighted: boolean;
}

/** An entry of the conversation's audit trail (assigned, status, replies, takeovers, ...). */
export interface ConversationEventDto {
  id: string;
  type: string;
  actorName: string | null;
  actorKind: 'user' | 'customer' | 'system';
  data: Record<string, unknown>;
  createdAt: string;
}
export interface ConversationEventsResponse {
  events: ConversationEventDto[];
}

/** Workflow changes; every field optional; the server answers with the updated conversation. */
export interface UpdateConversationRequest {
  status?: 'open' | 'pending' | 'resolved';
  priority?: Priority;
  tags?: string[];
  /** ISO time, or null to unsnooze. */
  snoozedUntil?: string | null;
}

/** Assign to a user (null: unassign). `claim` is assign-to-me. */
export interface AssignRequest {
  assigneeId: string | null;
}

export interface CreateNoteRequest {
  text: string;
}

export interface UserListResponse {
  users: UserDto[];
}

export interface ModerationRequest {
  action: 'hide' | 'unhide' | 'delete';
}

export interface CreateReplyRequest {
  text: string;
  /** Public reply (default), direct message, or Facebook private reply to the newest comment. */
  channel?: ReplyKind;
  /**
   * The conversation is assigned to someone else: send anyway and take it over (audited). Without
   * it the server answers 409 `assigned_to_other`.
   */
  takeover?: boolean;
  /** Client-generated key (UUID); the same key twice creates one reply. */
  idempotencyKey: string;
}
export interface MessageResponse {
  message: MessageDto;
}

export type ChannelAccountStatus = 'active' | 'paused' | 'needs_reauth' | 'disabled';

export interface RateLimitDto {
  endpoint: string;
  limit: number;
  remaining: number;
  resetAt: string;
}

export interface PollStreamDto {
  /** e.g. "mentions", "own", "dms", "search:<query>" */
  key: string;
  nextPollAt: string | null;
  intervalMs: number;
  lastError: string | null;
}

/** A stretch of items the platform would not let us read (X: only the newest 800 mentions). */
export interface IngestGapDto {
  id: string;
  stream: string;
  newerThanId: string | null;
  olderThanId: string;
  detectedAt: string;
  note: string;
}

export interface ChannelAccountHealthDto {
  id: string;
  platform: Platform;
  handle: string;
  displayName: string;
  status: ChannelAccountStatus;
  lastPollAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  nextPollAt: string | null;
  streams: PollStreamDto[];
  rateLimits: RateLimitDto[];
  budget: { month: string; monthlyReads: number; readsUsed: number; postsPer24h: number };
  searchQueries: string[];
  gaps: IngestGapDto[];
}

export interface ChannelAccountListResponse {
  items: ChannelAccountHealthDto[];
}

// ---- socket.io events (server -> client) ---------------------------------------------------------
// Events carry ids and versions only; the client refetches, so a missed event heals on the next one.

export interface ConversationChangedEvent {
  type: 'conversation.created' | 'conversation.updated';
  conversationId: string;
  version: number;
}
export interface MessageChangedEvent {
  type: 'message.created' | 'message.updated';
  conversationId: string;
  messageId: string;
}
export interface AccountChangedEvent {
  type: 'account.updated';
  channelAccountId: string;
}
export type RealtimeEvent = ConversationChangedEvent | MessageChangedEvent | AccountChangedEvent;
export type RealtimeEventType = RealtimeEvent['type'];

/** The socket.io event name every realtime event is sent under. */
export const REALTIME_EVENT = 'event';

import type { OpeningInterval } from './businessTime';
import type { SlaState, SlaTarget } from './sla';
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

/**
 * Outbox state machine of an outbound message: queued -> sending -> sent | failed. A reply that needs
 * approval starts as `draft` (never picked up for delivery) and becomes `queued` when approved.
 */
export const DELIVERY_STATES = ['draft', 'queued', 'sending', 'sent', 'failed'] as const;
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
  /** IANA zone (e.g. "Europe/Berlin") every date and time is shown in for this user. */
  timeZone: string;
  /**
   * Replies by this user are drafts an agent or lead approves (guides always; trainees by flag).
   * The server always sends it; optional so older fixtures stay valid.
   */
  requiresApproval?: boolean;
  /** After an admin reset: the user must choose a new password before anything else. */
  mustChangePassword?: boolean;
}

/** `PATCH /api/me`: the signed-in user's own preferences. */
export interface UpdatePreferencesRequest {
  locale?: 'en' | 'de';
  timeZone?: string;
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
export const INBOX_VIEWS = [
  'unassigned',
  'mine',
  'teams',
  'open',
  'pending',
  'snoozed',
  'resolved',
  'all',
] as const;
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
  /** The team it is routed to (assign to a team), if any. */
  teamId: string | null;
  teamName: string | null;
  /** Language the platform reported for the customer's posts (ISO 639-1), when it did. */
  language: string | null;
  /** First-response deadline while the customer waits (null: nobody waits for us). */
  slaDueAt: string | null;
  /** The state at the time of reading; clients tick it on with `slaStateAt`. */
  slaState: SlaState | null;
  /** Which target `slaDueAt` is: the first response or the next one (null: nobody waits). */
  slaTarget: SlaTarget | null;
  /** From here on the conversation is at risk (the last quarter of the target, in business time). */
  slaAtRiskAt: string | null;
  updatedAt: string;
  version: number;
}

/** How a view is ordered: longest waiting first, nearest SLA deadline first, or latest change first. */
export const LIST_SORTS = ['waiting', 'sla', 'updated'] as const;
export type ListSort = (typeof LIST_SORTS)[number];

/** Narrowing on top of a view; every field optional. Also what a saved filter stores. */
export interface ConversationFilters {
  platform?: Platform;
  channelAccountId?: string;
  tag?: string;
  priority?: Priority;
  language?: string;
  /** Only customers waiting longer than this many minutes. */
  waitingMinutes?: number;
  sla?: SlaState;
}

/** The workflow fields of a conversation: what bulk actions change and undo restores. */
export interface ConversationState {
  assigneeId: string | null;
  teamId: string | null;
  status: ConversationStatus;
  priority: Priority;
  tags: string[];
  snoozedUntil: string | null;
}

/** Changes to apply to a conversation (bulk action or undo); each optional. */
export interface BulkChanges {
  assigneeId?: string | null;
  teamId?: string | null;
  status?: 'open' | 'pending' | 'resolved';
  priority?: Priority;
  /** Replaces the tags. */
  tags?: string[];
  /** Adds to the tags. */
  addTags?: string[];
  snoozedUntil?: string | null;
}

export interface BulkRequest {
  operations: Array<{ id: string; expectVersion?: number; changes: BulkChanges }>;
}

export type BulkResult =
  | { id: string; ok: true; before: ConversationState; version: number }
  | { id: string; ok: false; error: { code: string; message: string } };

export interface BulkResponse {
  results: BulkResult[];
}

export interface TeamDto {
  id: string;
  name: string;
  memberIds: string[];
}
export interface TeamListResponse {
  teams: TeamDto[];
}

export interface SavedFilterDto {
  id: string;
  name: string;
  view: InboxView;
  sort: ListSort;
  filters: ConversationFilters;
  /** How many conversations match right now. */
  count: number;
}
export interface SavedFilterListResponse {
  items: SavedFilterDto[];
}
export interface CreateSavedFilterRequest {
  name: string;
  view: InboxView;
  sort: ListSort;
  filters: ConversationFilters;
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
  /** Set for replies written by someone who needs approval (see ApprovalDto). */
  approval?: ApprovalDto | null;
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
  /** Whether an image can go with this kind of reply, and why not (absent: no attachments). */
  attachments?: { allowed: boolean; reason: string | null };
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
  /** An image uploaded with POST /api/attachments, where the reply kind allows one. */
  attachmentId?: string;
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
/**
 * An agent's tab now shows `conversationId` (null: none) and is or is not typing a reply in it. Unlike
 * the others this event carries its data: presence changes every few seconds and is not worth a refetch.
 */
export interface PresenceChangedEvent {
  type: 'presence.changed';
  presence: PresenceDto;
}
export type RealtimeEvent =
  | ConversationChangedEvent
  | MessageChangedEvent
  | AccountChangedEvent
  | PresenceChangedEvent
  | NotificationChangedEvent
  | SlaBreachedEvent;
export type RealtimeEventType = RealtimeEvent['type'];

// ---- presence ------------------------------------------------------------------------------------

/** One open tab of one agent. `conversationId` null: the tab is open but shows no conversation. */
export interface PresenceDto {
  /** The tab's socket id; a user with two tabs has two entries. */
  tabId: string;
  userId: string;
  name: string;
  initials: string;
  conversationId: string | null;
  typing: boolean;
  /** False when the tab closed: drop the entry. */
  online: boolean;
  updatedAt: string;
}
export interface PresenceListResponse {
  items: PresenceDto[];
}
/** socket.io event name a client reports its own presence under (client -> server). */
export const PRESENCE_REPORT = 'presence';
export interface PresenceReport {
  conversationId: string | null;
  typing: boolean;
}

/** The socket.io event name every realtime event is sent under. */
export const REALTIME_EVENT = 'event';

// ---- customer profile and notifications -----------------------------------------------------------

/** How a conversation of a contact stands, as the profile shows it. */
export const CONVERSATION_OUTCOMES = ['resolved', 'open', 'pending', 'snoozed'] as const;
export type ConversationOutcome = (typeof CONVERSATION_OUTCOMES)[number];

export interface ContactProfileDto extends ContactDto {
  platform: Platform;
  /** Public profile page, when the platform has one we can derive (X: x.com/<handle>). */
  profileUrl: string | null;
  /** When Caredesk first stored this customer. */
  firstSeenAt: string;
}

/** One of the customer's conversations (on any connected account), for the profile panel. */
export interface ContactConversationDto {
  id: string;
  platform: Platform;
  channelAccountId: string;
  accountHandle: string;
  status: ConversationStatus;
  outcome: ConversationOutcome;
  createdAt: string;
  resolvedAt: string | null;
  /** From the first customer message to the first reply; null while unanswered. */
  firstResponseMs: number | null;
  messageCounts: { inbound: number; outbound: number; notes: number };
  snippet: string;
  assigneeId: string | null;
  assigneeName: string | null;
  tags: string[];
  updatedAt: string;
}

export interface ContactProfileResponse {
  contact: ContactProfileDto;
  /** Newest first, at most `limit` of them. */
  conversations: ContactConversationDto[];
  /** How many conversations the customer has in all. */
  totalConversations: number;
}

export const NOTIFICATION_KINDS = ['mention', 'approval'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** "Anna mentioned you in <customer>: <excerpt>" */
export interface NotificationDto {
  id: string;
  kind: NotificationKind;
  conversationId: string;
  actorName: string | null;
  contactName: string;
  contactHandle: string;
  /** The start of the note that mentions the user. */
  excerpt: string;
  createdAt: string;
  readAt: string | null;
  /** kind `approval`: what happened to the user's draft. */
  approval?: { outcome: 'approved' | 'rejected'; reason: string | null } | null;
}

export interface NotificationListResponse {
  items: NotificationDto[];
  unreadCount: number;
}

/** Marks some (`ids`) or all of the signed-in user's notifications as read. */
export type MarkNotificationsReadRequest = { ids: string[] } | { all: true };

export interface MarkNotificationsReadResponse {
  unreadCount: number;
}

/** Sent only to the socket room of `userId`, never to the whole inbox. */
export interface NotificationChangedEvent {
  type: 'notification.created' | 'notification.read';
  userId: string;
  /** The notifications concerned; at most 50 are listed. Clients refetch the list in any case. */
  notificationIds: string[];
}

// ---- canned responses and attachments ------------------------------------------------------------

/** A saved answer agents insert with ";shortcut"; `body` may hold placeholders (common/placeholders.ts). */
export interface CannedResponseDto {
  id: string;
  shortcut: string;
  title: string;
  body: string;
  language: string;
  teamId: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}
export interface CannedResponseListResponse {
  items: CannedResponseDto[];
}
export interface CannedResponseResponse {
  item: CannedResponseDto;
}
/** Create (all fields but teamId required) or update (any subset) a canned response; leads and admins. */
export interface CannedResponseRequest {
  shortcut: string;
  title: string;
  body: string;
  language: string;
  teamId?: string | null;
}

/** An uploaded image, served to the platform at `url` (public, unguessable). */
export interface AttachmentDto {
  id: string;
  url: string;
  contentType: string;
  fileName: string;
  byteSize: number;
}
export interface AttachmentResponse {
  attachment: AttachmentDto;
}

// ---- search --------------------------------------------------------------------------------------

/** Text with the matched words marked by offsets (UTF-16 code units, end exclusive); never markup. */
export interface HighlightedText {
  text: string;
  highlights: Array<{ start: number; end: number }>;
}

/** One conversation found by `GET /api/search`: its best (then newest) matching message. */
export interface ConversationSearchHit {
  conversation: ConversationSummary;
  message: {
    id: string;
    direction: MessageDirection;
    channel: MessageChannel;
    authorName: string;
    createdAt: string;
  };
  snippet: HighlightedText;
}

/** A customer whose name or handle matches, with their latest conversation to open. */
export interface CustomerSearchHit {
  contact: ContactDto;
  platform: Platform;
  conversationCount: number;
  latestConversation: { id: string; status: ConversationStatus; updatedAt: string } | null;
}

export interface SearchResponse {
  query: string;
  /** One hit per conversation, best match first, then the newest. */
  conversations: ConversationSearchHit[];
  /** Matching customers; only on the first page. */
  customers: CustomerSearchHit[];
  /** Opaque keyset cursor for more conversations; null when there are none. */
  nextCursor: string | null;
}

// ---- lead dashboard ----------------------------------------------------------------------------

export interface DashboardResponse {
  generatedAt: string;
  queues: { unassigned: number; open: number; pending: number; snoozed: number; waiting: number };
  oldestWaiting: {
    conversationId: string;
    contactName: string;
    contactHandle: string;
    waitingSince: string;
  } | null;
  sla: { atRisk: number; breached: number };
  /** Inbound messages in the last `windowMinutes` against the usual count for that time of day. */
  inbound: {
    windowMinutes: number;
    current: number;
    usual: number;
    /** Days of history the usual rate is the mean of. */
    days: number;
    /** current / usual; null without history. */
    factor: number | null;
    spike: boolean;
    threshold: number;
  };
  agents: Array<{
    id: string;
    name: string;
    initials: string;
    role: Role;
    online: boolean;
    tabs: number;
    /** Set by the agent (header toggle); auto-assignment only gives work to the available. */
    availability: 'available' | 'away';
    /** Most open conversations auto-assignment gives them. */
    capacity: number;
    viewingConversationId: string | null;
    /** Assigned and not resolved. */
    assignedOpen: number;
    /** Of those, customers waiting for an answer. */
    assignedWaiting: number;
    lastSeenAt: string | null;
  }>;
  channels: Array<{
    id: string;
    platform: Platform;
    handle: string;
    status: ChannelAccountStatus;
    /** Seconds since the last successful poll. */
    pollLagSeconds: number | null;
    lastError: string | null;
    /** The tightest rate-limit window the platform reported. */
    rateRemaining: { remaining: number; limit: number } | null;
    /** Reads left of the monthly budget (X); null when unlimited. */
    readsLeft: number | null;
    gaps: number;
  }>;
}

// ---- SLA policies, business hours, holidays --------------------------------------------------------

/** Response targets of one scope (all accounts, a platform, or one account) and priority, in business minutes. */
export interface SlaPolicyDto {
  id: string;
  /** Both null: the default policy. */
  platform: Platform | null;
  channelAccountId: string | null;
  priority: Priority;
  firstResponseMinutes: number;
  nextResponseMinutes: number;
  updatedAt: string;
}

export interface HolidayDto {
  id: string;
  /** Local date in the calendar's time zone, "YYYY-MM-DD". */
  date: string;
  name: string;
}

/** A team's working time (teamId null: the default calendar for conversations without a team). */
export interface BusinessCalendarDto {
  teamId: string | null;
  teamName: string | null;
  /** False: not configured; the team follows the default calendar (and the default is 24/7). */
  configured: boolean;
  timeZone: string;
  intervals: OpeningInterval[];
  holidays: HolidayDto[];
}

export interface SlaSettingsResponse {
  policies: SlaPolicyDto[];
  calendars: BusinessCalendarDto[];
  accounts: Array<{ id: string; platform: Platform; handle: string }>;
  /** Admins edit; leads read. */
  canEdit: boolean;
}

/** Sets the four priorities' targets of one scope (creating the scope's override if needed). */
export interface SlaPolicyRequest {
  platform: Platform | null;
  channelAccountId: string | null;
  targets: Record<Priority, { first: number; next: number }>;
}

export interface BusinessHoursRequest {
  timeZone: string;
  intervals: OpeningInterval[];
}

export interface HolidayRequest {
  date: string;
  name: string;
}

/** A waiting customer's due time passed; sent once per breach. Clients refetch the conversation. */
export interface SlaBreachedEvent {
  type: 'sla.breached';
  conversationId: string;
  version: number;
  target: SlaTarget;
  dueAt: string;
}

// ---- approval workflow ---------------------------------------------------------------------------

export const APPROVAL_STATES = ['pending', 'approved', 'rejected'] as const;
export type ApprovalState = (typeof APPROVAL_STATES)[number];

/** A draft reply's way through approval: pending -> approved (then sent as usual) | rejected. */
export interface ApprovalDto {
  state: ApprovalState;
  /** Who approved or rejected it. */
  byUserId: string | null;
  byName: string | null;
  at: string | null;
  /** Why it was rejected. */
  reason: string | null;
}

/** `POST /api/messages/:id/approve`: optionally with the approver's edit of the text. */
export interface ApproveDraftRequest {
  text?: string;
}
/** `POST /api/messages/:id/reject` */
export interface RejectDraftRequest {
  reason: string;
}

/** A draft waiting for approval, for the approvers' list. */
export interface PendingDraftDto {
  messageId: string;
  conversationId: string;
  authorName: string;
  contactName: string;
  contactHandle: string;
  excerpt: string;
  createdAt: string;
}
export interface PendingDraftListResponse {
  items: PendingDraftDto[];
  total: number;
}

/** `POST /api/me/password`. */
export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}
/** `GET /api/auth/oidc/config`: whether "Sign in with SSO" is offered. */
export interface OidcConfigResponse {
  enabled: boolean;
}
/** `POST /api/users/:id/password-reset` (admins): the one-time password, shown once. */
export interface PasswordResetResponse {
  temporaryPassword: string;
}

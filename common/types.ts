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
  updatedAt: string;
  version: number;
}

export interface MessageDto {
  id: string;
  conversationId: string;
  direction: MessageDirection;
  text: string;
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
export interface CreateReplyRequest {
  text: string;
  /** Client-generated key (UUID); the same key twice creates one reply. */
  idempotencyKey: string;
}
export interface MessageResponse {
  message: MessageDto;
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
export type RealtimeEvent = ConversationChangedEvent | MessageChangedEvent;
export type RealtimeEventType = RealtimeEvent['type'];

/** The socket.io event name every realtime event is sent under. */
export const REALTIME_EVENT = 'event';

import type {
  AssignRequest,
  ChannelAccountListResponse,
  ConversationEventsResponse,
  ConversationListResponse,
  ConversationResponse,
  CreateNoteRequest,
  CreateReplyRequest,
  InboxView,
  LoginRequest,
  LoginResponse,
  MeResponse,
  MessageResponse,
  ModerationRequest,
  UpdateConversationRequest,
  UserListResponse,
  ViewCountsResponse,
} from '../../../common/types';
import { apiRequest } from './http';

/** The list filters the server understands: the inbox views (`open` covers the statuses new and open). */
export type ConversationFilter = InboxView;

export const CONVERSATION_PAGE_SIZE = 50;

export function login(body: LoginRequest): Promise<LoginResponse> {
  return apiRequest<LoginResponse>('POST', '/api/auth/login', body);
}

export function logout(): Promise<void> {
  return apiRequest<void>('POST', '/api/auth/logout');
}

export function fetchMe(): Promise<MeResponse> {
  return apiRequest<MeResponse>('GET', '/api/me');
}

export function fetchConversations(
  status: ConversationFilter,
  cursor: string | null,
): Promise<ConversationListResponse> {
  const params = new URLSearchParams({ status, limit: String(CONVERSATION_PAGE_SIZE) });
  if (cursor !== null) params.set('cursor', cursor);
  return apiRequest<ConversationListResponse>('GET', `/api/conversations?${params.toString()}`);
}

export function fetchConversation(id: string): Promise<ConversationResponse> {
  return apiRequest<ConversationResponse>('GET', `/api/conversations/${encodeURIComponent(id)}`);
}

export function createReply(conversationId: string, body: CreateReplyRequest): Promise<MessageResponse> {
  return apiRequest<MessageResponse>(
    'POST',
    `/api/conversations/${encodeURIComponent(conversationId)}/replies`,
    body,
  );
}

export function retryMessage(messageId: string): Promise<MessageResponse> {
  return apiRequest<MessageResponse>('POST', `/api/messages/${encodeURIComponent(messageId)}/retry`);
}

/** Hides, unhides or deletes a customer's comment on the platform (Facebook brand safety). */
export function moderateMessage(messageId: string, body: ModerationRequest): Promise<MessageResponse> {
  return apiRequest<MessageResponse>(
    'POST',
    `/api/messages/${encodeURIComponent(messageId)}/moderation`,
    body,
  );
}

/** How many conversations each inbox view holds right now. */
export function fetchViewCounts(): Promise<ViewCountsResponse> {
  return apiRequest<ViewCountsResponse>('GET', '/api/conversations/counts');
}

/** Status, priority, tags and snooze; the server answers with the updated conversation. */
export function updateConversation(
  id: string,
  body: UpdateConversationRequest,
): Promise<ConversationResponse> {
  return apiRequest<ConversationResponse>('PATCH', `/api/conversations/${encodeURIComponent(id)}`, body);
}

export function assignConversation(id: string, body: AssignRequest): Promise<ConversationResponse> {
  return apiRequest<ConversationResponse>(
    'POST',
    `/api/conversations/${encodeURIComponent(id)}/assign`,
    body,
  );
}

/** Assigns the conversation to the signed-in agent. */
export function claimConversation(id: string): Promise<ConversationResponse> {
  return apiRequest<ConversationResponse>('POST', `/api/conversations/${encodeURIComponent(id)}/claim`);
}

/** An internal note; the server resolves @mentions of colleagues. */
export function createNote(conversationId: string, body: CreateNoteRequest): Promise<MessageResponse> {
  return apiRequest<MessageResponse>(
    'POST',
    `/api/conversations/${encodeURIComponent(conversationId)}/notes`,
    body,
  );
}

/** The conversation's audit trail, oldest first. */
export function fetchConversationEvents(id: string): Promise<ConversationEventsResponse> {
  return apiRequest<ConversationEventsResponse>('GET', `/api/conversations/${encodeURIComponent(id)}/events`);
}

/** Colleagues, for the assign picker and @mentions in notes. */
export function fetchUsers(): Promise<UserListResponse> {
  return apiRequest<UserListResponse>('GET', '/api/users');
}

/** Health of every channel account (status, polling, rate limits, budget, ingest gaps). */
export function fetchChannelAccounts(): Promise<ChannelAccountListResponse> {
  return apiRequest<ChannelAccountListResponse>('GET', '/api/channel-accounts');
}

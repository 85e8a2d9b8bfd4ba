import type {
  ChannelAccountListResponse,
  ConversationListResponse,
  ConversationResponse,
  ConversationStatus,
  CreateReplyRequest,
  LoginRequest,
  LoginResponse,
  MeResponse,
  MessageResponse,
  ModerationRequest,
} from '../../../common/types';
import { apiRequest } from './http';

/** The list filters the server understands; `open` covers the statuses new and open. */
export type ConversationFilter = 'open' | 'pending' | 'resolved' | 'all';

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

export function updateConversationStatus(
  id: string,
  status: ConversationStatus,
): Promise<ConversationResponse> {
  return apiRequest<ConversationResponse>('PATCH', `/api/conversations/${encodeURIComponent(id)}`, {
    status,
  });
}

/** Health of every channel account (status, polling, rate limits, budget, ingest gaps). */
export function fetchChannelAccounts(): Promise<ChannelAccountListResponse> {
  return apiRequest<ChannelAccountListResponse>('GET', '/api/channel-accounts');
}

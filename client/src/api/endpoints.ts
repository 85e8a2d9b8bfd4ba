import type {
  AssignRequest,
  AttachmentResponse,
  BulkRequest,
  BulkResponse,
  CannedResponseListResponse,
  CannedResponseRequest,
  CannedResponseResponse,
  ChannelAccountListResponse,
  ContactProfileResponse,
  ConversationEventsResponse,
  ConversationListResponse,
  ConversationResponse,
  CreateNoteRequest,
  CreateReplyRequest,
  CreateSavedFilterRequest,
  DashboardResponse,
  InboxView,
  LoginRequest,
  LoginResponse,
  MarkNotificationsReadRequest,
  MarkNotificationsReadResponse,
  MeResponse,
  MessageResponse,
  ModerationRequest,
  NotificationListResponse,
  PresenceListResponse,
  SavedFilterDto,
  SavedFilterListResponse,
  SearchResponse,
  TeamListResponse,
  UpdateConversationRequest,
  UpdatePreferencesRequest,
  UserListResponse,
  ViewCountsResponse,
} from '../../../common/types';
import { type ListQuery, listQueryParams } from '../features/inbox/listQuery';
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
  query: ListQuery,
  cursor: string | null,
): Promise<ConversationListResponse> {
  const params = listQueryParams(query, CONVERSATION_PAGE_SIZE, cursor);
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

export function fetchPresence(): Promise<PresenceListResponse> {
  return apiRequest<PresenceListResponse>('GET', '/api/presence');
}

/** The customer's profile and their conversations on every account, newest first. */
export function fetchContactProfile(contactId: string): Promise<ContactProfileResponse> {
  return apiRequest<ContactProfileResponse>('GET', `/api/contacts/${encodeURIComponent(contactId)}`);
}

/** The signed-in user's notifications, newest first, with the unread count. */
export function fetchNotifications(): Promise<NotificationListResponse> {
  return apiRequest<NotificationListResponse>('GET', '/api/notifications');
}

export function markNotificationsRead(
  body: MarkNotificationsReadRequest,
): Promise<MarkNotificationsReadResponse> {
  return apiRequest<MarkNotificationsReadResponse>('POST', '/api/notifications/read', body);
}

export function updatePreferences(body: UpdatePreferencesRequest): Promise<MeResponse> {
  return apiRequest<MeResponse>('PATCH', '/api/me', body);
}

/** Canned responses, optionally searched (shortcut, title, body). */
export function fetchCannedResponses(q?: string): Promise<CannedResponseListResponse> {
  const query = q === undefined || q === '' ? '' : `?${new URLSearchParams({ q }).toString()}`;
  return apiRequest<CannedResponseListResponse>('GET', `/api/canned-responses${query}`);
}

export function createCannedResponse(body: CannedResponseRequest): Promise<CannedResponseResponse> {
  return apiRequest<CannedResponseResponse>('POST', '/api/canned-responses', body);
}

export function updateCannedResponse(
  id: string,
  body: Partial<CannedResponseRequest>,
): Promise<CannedResponseResponse> {
  return apiRequest<CannedResponseResponse>('PATCH', `/api/canned-responses/${encodeURIComponent(id)}`, body);
}

export function deleteCannedResponse(id: string): Promise<void> {
  return apiRequest<void>('DELETE', `/api/canned-responses/${encodeURIComponent(id)}`);
}

/** Uploads one image for a reply; the server answers with its id and public URL. */
export function uploadAttachment(file: File): Promise<AttachmentResponse> {
  const form = new FormData();
  form.append('file', file, file.name);
  return apiRequest<AttachmentResponse>('POST', '/api/attachments', form);
}

export const SEARCH_PAGE_SIZE = 20;

/** Full-text search over every conversation and customer (not just the loaded list). */
export function searchInbox(q: string, cursor: string | null): Promise<SearchResponse> {
  const params = new URLSearchParams({ q, limit: String(SEARCH_PAGE_SIZE) });
  if (cursor !== null) params.set('cursor', cursor);
  return apiRequest<SearchResponse>('GET', `/api/search?${params.toString()}`);
}

/** Bulk actions and undo: per-conversation changes, applied one by one; the answer says which worked. */
export function applyBulkChanges(body: BulkRequest): Promise<BulkResponse> {
  return apiRequest<BulkResponse>('POST', '/api/conversations/bulk', body);
}

export function fetchTeams(): Promise<TeamListResponse> {
  return apiRequest<TeamListResponse>('GET', '/api/teams');
}

export function fetchSavedFilters(): Promise<SavedFilterListResponse> {
  return apiRequest<SavedFilterListResponse>('GET', '/api/saved-filters');
}

export function createSavedFilter(body: CreateSavedFilterRequest): Promise<{ filter: SavedFilterDto }> {
  return apiRequest<{ filter: SavedFilterDto }>('POST', '/api/saved-filters', body);
}

export function deleteSavedFilter(id: string): Promise<void> {
  return apiRequest<void>('DELETE', `/api/saved-filters/${encodeURIComponent(id)}`);
}

export function fetchDashboard(): Promise<DashboardResponse> {
  return apiRequest<DashboardResponse>('GET', '/api/dashboard');
}

import type {
  ApproveDraftRequest,
  MessageResponse,
  PendingDraftListResponse,
  RejectDraftRequest,
} from '../../../../common/types';
import { apiRequest } from '../../api/http';

/** Approves a draft (optionally with an edited text): it becomes a normal reply and is posted. */
export function approveDraft(messageId: string, body: ApproveDraftRequest): Promise<MessageResponse> {
  return apiRequest<MessageResponse>('POST', `/api/messages/${encodeURIComponent(messageId)}/approve`, body);
}

/** Rejects a draft with a reason the author sees; nothing is posted. */
export function rejectDraft(messageId: string, body: RejectDraftRequest): Promise<MessageResponse> {
  return apiRequest<MessageResponse>('POST', `/api/messages/${encodeURIComponent(messageId)}/reject`, body);
}

/** Drafts waiting for approval, oldest first, with their total. */
export function fetchPendingDrafts(): Promise<PendingDraftListResponse> {
  return apiRequest<PendingDraftListResponse>('GET', '/api/messages/drafts');
}

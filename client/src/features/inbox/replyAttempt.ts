import type { CreateReplyRequest, ReplyKind } from '../../../../common/types';
import { isApiError } from '../../api/ApiError';

/** What the agent asked to send: which conversation, on which channel, which text. */
export interface ReplyDraft {
  conversationId: string;
  channel: ReplyKind;
  text: string;
  /** An uploaded image, where the reply kind allows one. */
  attachmentId?: string;
}

/** One reply the agent asked to send, with the key that makes re-sending it safe. */
export interface ReplyAttempt extends ReplyDraft {
  idempotencyKey: string;
  /** The agent confirmed replying to a colleague's conversation, taking it over. */
  takeover?: boolean;
}

/** Error code of the 409 the server answers when the conversation is assigned to someone else. */
export const ASSIGNED_TO_OTHER = 'assigned_to_other';

/**
 * The attempt for sending `draft` now. If the previous attempt for the very same reply (conversation,
 * channel and text) ended without a clear answer (network drop, 5xx), its key is reused so the server can
 * tell it is the same reply and does not post it twice; any other send gets a fresh key.
 */
export function attemptFor(
  unresolved: ReplyAttempt | null,
  draft: ReplyDraft,
  newKey: () => string,
): ReplyAttempt {
  if (
    unresolved !== null &&
    unresolved.conversationId === draft.conversationId &&
    unresolved.channel === draft.channel &&
    unresolved.text === draft.text &&
    unresolved.attachmentId === draft.attachmentId
  ) {
    return unresolved;
  }
  return { ...draft, idempotencyKey: newKey() };
}

/**
 * What to remember after a failed send: the attempt itself when we cannot know whether the server stored
 * it, nothing when the server clearly refused it (4xx), so a corrected text gets a new key.
 */
export function unresolvedAfterFailure(attempt: ReplyAttempt, error: unknown): ReplyAttempt | null {
  if (isApiError(error) && !error.outcomeUnknown) return null;
  return attempt;
}

/** The server refused because a colleague has the conversation: ask the agent whether to take it over. */
export function needsTakeover(error: unknown): boolean {
  return isApiError(error) && error.status === 409 && error.code === ASSIGNED_TO_OTHER;
}

/** The same attempt (same idempotency key, so it is still one reply), now allowed to take over. */
export function withTakeover(attempt: ReplyAttempt): ReplyAttempt {
  return { ...attempt, takeover: true };
}

export function replyRequest(attempt: ReplyAttempt): CreateReplyRequest {
  const request: CreateReplyRequest = {
    text: attempt.text,
    channel: attempt.channel,
    idempotencyKey: attempt.idempotencyKey,
  };
  if (attempt.takeover === true) request.takeover = true;
  if (attempt.attachmentId !== undefined) request.attachmentId = attempt.attachmentId;
  return request;
}

import type { FbComment } from './content';
import { removeWithReplies } from './customerActions';
import {
  alreadyRepliedPrivately,
  cannotReplyToActivity,
  type GraphFailure,
  invalidParameter,
  noMatchingUser,
  outsideWindow,
  personUnavailable,
  unsupportedRequest,
} from './errors';
import { type FbMessage, type MessagingType, windowOpen } from './messenger';
import type { FbPerson } from './people';
import type { FacebookState } from './store';
import { messagingEvent } from './webhookEvents';

/**
 * What the Page does through the Graph API. Each success is logged for GET /_sim/facebook/page-activity and
 * comes back to the webhook subscriber (feed changes from the Page, Messenger echoes).
 */

export type PageOutcome<T> = { ok: true; value: T } | { ok: false; failure: GraphFailure };

const fail = (failure: GraphFailure) => ({ ok: false, failure }) as const;

/** The longest comment Graph takes. UNCONFIRMED: 8000 characters. */
export const MAX_COMMENT_LENGTH = 8000;
/** The longest Messenger text (2000 characters). */
export const MAX_MESSAGE_LENGTH = 2000;

/** POST /{object-id}/comments: the Page comments on a post or replies to a comment. */
export function pageComment(
  state: FacebookState,
  targetId: string,
  input: { message?: string; attachmentUrl?: string },
): PageOutcome<FbComment> {
  const post = state.content.post(targetId);
  const parent = post ? undefined : state.content.liveComment(targetId);
  if (!post && !parent) return fail(unsupportedRequest('POST', targetId));
  const message = input.message ?? '';
  if (message === '' && !input.attachmentUrl) {
    // UNCONFIRMED wording.
    return fail(invalidParameter('Missing message or attachment'));
  }
  if (message.length > MAX_COMMENT_LENGTH) {
    return fail(invalidParameter(`Param message must be at most ${MAX_COMMENT_LENGTH} characters long`));
  }
  const comment = state.content.addComment({
    postId: post?.id ?? parent!.postId,
    replyTo: parent?.id ?? null,
    authorId: state.page.id,
    byPage: true,
    message,
    attachmentUrl: input.attachmentUrl ?? null,
    createdAt: state.now(),
  });
  state.activity.record(
    {
      type: 'comment_reply',
      object_id: targetId,
      result_id: comment.id,
      text: message,
      ...(input.attachmentUrl ? { attachment_url: input.attachmentUrl } : {}),
    },
    state.now(),
  );
  state.emitCommentChange(comment, 'add', state.now());
  return { ok: true, value: comment };
}

/** POST /{comment-id} with is_hidden. Hiding a hidden comment again succeeds and changes nothing. */
export function setHidden(state: FacebookState, commentId: string, hidden: boolean): PageOutcome<FbComment> {
  const comment = state.content.liveComment(commentId);
  if (!comment) return fail(unsupportedRequest('POST', commentId));
  // UNCONFIRMED wording: a Page cannot hide its own comments (can_hide is false for them).
  if (comment.byPage) return fail(invalidParameter('Cannot hide a comment posted by the Page'));
  if (comment.hidden !== hidden) {
    comment.hidden = hidden;
    state.emitCommentChange(comment, hidden ? 'hide' : 'unhide', state.now());
  }
  state.activity.record({ type: hidden ? 'hide' : 'unhide', object_id: commentId }, state.now());
  return { ok: true, value: comment };
}

/** DELETE /{comment-id}: any comment on the Page's posts; its replies go with it. */
export function pageDelete(state: FacebookState, commentId: string): PageOutcome<FbComment> {
  const comment = state.content.liveComment(commentId);
  if (!comment) return fail(unsupportedRequest('DELETE', commentId));
  removeWithReplies(state, comment);
  state.activity.record({ type: 'delete', object_id: commentId }, state.now());
  return { ok: true, value: comment };
}

/**
 * A private reply to a comment (or a visitor post): once per item, within the private-reply window.
 * It starts a Messenger conversation but opens no messaging window.
 */
export function privateReply(
  state: FacebookState,
  target: { commentId?: string; postId?: string },
  text: string,
): PageOutcome<{ message: FbMessage; person: FbPerson }> {
  const id = (target.commentId ?? target.postId)!;
  const item = target.commentId ? state.content.liveComment(id) : state.content.post(id);
  if (!item) return fail(unsupportedRequest('POST', id));
  const person = state.people.byUserId(item.authorId);
  if (item.byPage || !person) return fail(cannotReplyToActivity());
  const comment = target.commentId ? (item as FbComment) : null;
  const earlier = comment ? comment.privateReply : privateReplyToPost(state, id);
  if (earlier) return fail(alreadyRepliedPrivately());
  if (state.now() - item.createdAt > state.options.privateReplyWindowMs) return fail(cannotReplyToActivity());
  if (person.unavailable) return fail(personUnavailable());
  const invalid = checkText(text);
  if (invalid) return fail(invalid);
  const { message, conversation } = state.messenger.add({
    psid: person.psid,
    fromPage: true,
    text,
    createdAt: state.now(),
    privateReplyTo: id,
  });
  if (comment)
    comment.privateReply = { messageId: message.id, conversationId: conversation.id, at: state.now() };
  state.activity.record(
    { type: 'private_reply', object_id: id, result_id: message.id, text, recipient: person.psid },
    state.now(),
  );
  state.emit(messagingEvent(state.page.id, message, state.now()));
  return { ok: true, value: { message, person } };
}

/** The Send API to a PSID, within the window its messaging type allows. */
export function sendMessage(
  state: FacebookState,
  input: { psid: string; text: string; messagingType: MessagingType; tag: string | null },
): PageOutcome<FbMessage> {
  const person = state.people.byPsid(input.psid);
  const conversation = state.messenger.conversationOf(input.psid);
  if (!person || !conversation) return fail(noMatchingUser());
  if (person.unavailable) return fail(personUnavailable());
  const invalid = checkText(input.text);
  if (invalid) return fail(invalid);
  const windows = {
    standardMs: state.options.standardWindowMs,
    humanAgentMs: state.options.humanAgentWindowMs,
  };
  if (!windowOpen(conversation, input.messagingType, input.tag, state.now(), windows))
    return fail(outsideWindow());
  const { message } = state.messenger.add({
    psid: input.psid,
    fromPage: true,
    text: input.text,
    createdAt: state.now(),
    messagingType: input.messagingType,
    tag: input.tag,
  });
  state.activity.record(
    {
      type: 'message',
      object_id: conversation.id,
      result_id: message.id,
      text: input.text,
      messaging_type: input.messagingType,
      ...(input.tag ? { tag: input.tag } : {}),
      recipient: input.psid,
    },
    state.now(),
  );
  state.emit(messagingEvent(state.page.id, message, state.now()));
  return { ok: true, value: message };
}

function checkText(text: string): GraphFailure | null {
  // UNCONFIRMED wording of both.
  if (text.trim() === '') return invalidParameter('Param message[text] must be non-empty UTF-8 encoded text');
  if (text.length > MAX_MESSAGE_LENGTH) {
    return invalidParameter(
      `Length of param message[text] must be less than or equal to ${MAX_MESSAGE_LENGTH}`,
    );
  }
  return null;
}

function privateReplyToPost(state: FacebookState, postId: string): boolean {
  return state.activity.newestFirst().some((a) => a.type === 'private_reply' && a.object_id === postId);
}

import type { FbComment, FbPost } from './content';
import { unixSeconds } from './format';
import type { FbConversation, FbMessage } from './messenger';
import type { FbPerson } from './people';
import type { FacebookState } from './store';
import { messagingEvent } from './webhookEvents';

/**
 * What people (and the Page's own post editor) do outside the API: the control API calls these. Every
 * change reaches the webhook subscriber as Facebook would send it.
 */

export type Outcome<T> = { ok: true; value: T } | { ok: false; status: number; error: string };

const refuse = (status: number, error: string) => ({ ok: false, status, error }) as const;

/** A post on the Page: by the Page, or by a visitor when `from` is given (visitor posts show in /feed only). */
export function createPost(
  state: FacebookState,
  input: { message: string; from?: { name: string; id?: string }; createdAt?: number },
): Outcome<FbPost> {
  let authorId = state.page.id;
  if (input.from) {
    const person = state.people.upsert(input.from, 'user');
    if (!person.ok) return refuse(400, person.error);
    authorId = person.person.userId;
  }
  const createdAt = input.createdAt ?? state.now();
  const post = state.content.createPost({ authorId, byPage: !input.from, message: input.message, createdAt });
  // UNCONFIRMED: the exact value of a post's feed change; Facebook sends one for new posts too.
  state.emit({
    object: 'page',
    entry: [
      {
        id: state.page.id,
        time: unixSeconds(state.now()),
        changes: [
          {
            field: 'feed',
            value: {
              from: state.actor(authorId),
              message: post.message,
              post_id: post.id,
              created_time: unixSeconds(createdAt),
              item: post.byPage ? 'status' : 'post',
              published: 1,
              verb: 'add',
            },
          },
        ],
      },
    ],
  });
  return { ok: true, value: post };
}

export function addCustomerComment(
  state: FacebookState,
  input: {
    postId: string;
    parentId?: string;
    from: { name: string; id?: string };
    message: string;
    attachmentUrl?: string;
    createdAt?: number;
  },
): Outcome<FbComment> {
  const post = state.content.post(input.postId);
  if (!post) return refuse(404, `post_id: no post ${input.postId}`);
  if (input.parentId !== undefined) {
    const parent = state.content.liveComment(input.parentId);
    if (!parent || parent.postId !== post.id)
      return refuse(404, `parent_id: no comment ${input.parentId} on this post`);
  }
  const person = state.people.upsert(input.from, 'user');
  if (!person.ok) return refuse(400, person.error);
  const comment = state.content.addComment({
    postId: post.id,
    replyTo: input.parentId ?? null,
    authorId: person.person.userId,
    byPage: false,
    message: input.message,
    attachmentUrl: input.attachmentUrl ?? null,
    createdAt: input.createdAt ?? state.now(),
  });
  state.emitCommentChange(comment, 'add', state.now());
  return { ok: true, value: comment };
}

export function editCustomerComment(state: FacebookState, id: string, message: string): Outcome<FbComment> {
  const comment = state.content.liveComment(id);
  if (!comment) return refuse(404, `no comment ${id}`);
  if (comment.byPage) return refuse(400, 'the Page edits its own comments through the Graph API');
  comment.message = message;
  comment.editedAt = state.now();
  state.emitCommentChange(comment, 'edited', state.now());
  return { ok: true, value: comment };
}

/** The customer deletes their comment; its replies go with it, as on Facebook. */
export function removeCustomerComment(state: FacebookState, id: string): Outcome<FbComment> {
  const comment = state.content.liveComment(id);
  if (!comment) return refuse(404, `no comment ${id}`);
  if (comment.byPage) return refuse(400, 'the Page deletes its own comments through the Graph API');
  removeWithReplies(state, comment);
  return { ok: true, value: comment };
}

/** Marks a comment and its replies deleted and tells the webhook subscriber about each. */
export function removeWithReplies(state: FacebookState, comment: FbComment): void {
  const gone = [comment, ...state.content.repliesTo(comment.id).filter((r) => !r.deleted)];
  for (const c of gone) {
    c.deleted = true;
    state.emitCommentChange(c, 'remove', state.now());
  }
}

export function customerMessage(
  state: FacebookState,
  input: { from: { name: string; id?: string }; text: string; createdAt?: number },
): Outcome<{ message: FbMessage; conversation: FbConversation; person: FbPerson }> {
  const person = state.people.upsert(input.from, 'psid');
  if (!person.ok) return refuse(400, person.error);
  const { message, conversation } = state.messenger.add({
    psid: person.person.psid,
    fromPage: false,
    text: input.text,
    createdAt: input.createdAt ?? state.now(),
  });
  state.emit(messagingEvent(state.page.id, message, state.now()));
  return { ok: true, value: { message, conversation, person: person.person } };
}

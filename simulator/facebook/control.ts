import express, { type Response, type Router } from 'express';
import type { FbComment } from './content';
import {
  createCommentSchema,
  createMessageSchema,
  createPostSchema,
  editCommentSchema,
  parseBody,
  personUpdateSchema,
} from './controlSchemas';
import {
  addCustomerComment,
  createPost,
  customerMessage,
  editCustomerComment,
  type Outcome,
  removeCustomerComment,
} from './customerActions';
import type { FbPerson } from './people';
import type { FacebookState } from './store';

/**
 * Test and demo controls for the Graph stand-in: posts, customer comments and Messenger messages, and
 * views of everything that exists and everything the Page did. No auth: local use only.
 */
export function createFacebookControlRouter(state: FacebookState): Router {
  const router = express.Router();
  router.use('/_sim/facebook', express.json());

  router.get('/_sim/facebook/page', (_req, res) => {
    res.json({ id: state.page.id, name: state.page.name });
  });

  router.post('/_sim/facebook/posts', (req, res) => {
    const input = parseBody(res, createPostSchema, req.body);
    if (!input) return;
    const created = createPost(state, {
      message: input.message,
      from: input.from,
      createdAt: time(input.created_time),
    });
    answer(res, created, (post) => res.status(201).json({ id: post.id }));
  });

  router.get('/_sim/facebook/posts', (_req, res) => {
    const data = state.content.allPosts('created_time').map((p) => ({
      id: p.id,
      message: p.message,
      from: state.actor(p.authorId),
      by_page: p.byPage,
      created_time: new Date(p.createdAt).toISOString(),
      updated_time: new Date(p.updatedAt).toISOString(),
    }));
    res.json({ data });
  });

  router.post('/_sim/facebook/comments', (req, res) => {
    const input = parseBody(res, createCommentSchema, req.body);
    if (!input) return;
    const created = addCustomerComment(state, {
      postId: input.post_id,
      parentId: input.parent_id,
      from: input.from,
      message: input.message,
      attachmentUrl: input.attachment_url,
      createdAt: time(input.created_time),
    });
    answer(res, created, (comment) => res.status(201).json({ id: comment.id }));
  });

  router.get('/_sim/facebook/comments', (req, res) => {
    const postId = typeof req.query.post_id === 'string' ? req.query.post_id : undefined;
    const comments = postId === undefined ? allComments(state) : state.content.commentsOn(postId);
    res.json({
      data: comments.sort((a, b) => a.createdAt - b.createdAt || a.seq - b.seq).map((c) => view(state, c)),
    });
  });

  router.post('/_sim/facebook/comments/:id/edit', (req, res) => {
    const input = parseBody(res, editCommentSchema, req.body);
    if (!input) return;
    answer(res, editCustomerComment(state, req.params.id, input.message), (c) => res.json({ id: c.id }));
  });

  router.delete('/_sim/facebook/comments/:id', (req, res) => {
    answer(res, removeCustomerComment(state, req.params.id), () => res.status(204).end());
  });

  router.post('/_sim/facebook/messages', (req, res) => {
    const input = parseBody(res, createMessageSchema, req.body);
    if (!input) return;
    const sent = customerMessage(state, {
      from: input.from,
      text: input.text,
      createdAt: time(input.created_time),
    });
    answer(res, sent, ({ message, conversation, person }) =>
      res.status(201).json({ id: message.id, psid: person.psid, conversation_id: conversation.id }),
    );
  });

  router.get('/_sim/facebook/messages', (req, res) => {
    const psid = typeof req.query.psid === 'string' ? req.query.psid : undefined;
    const conversations = state.messenger
      .allConversations()
      .filter((c) => psid === undefined || c.psid === psid);
    const data = conversations
      .flatMap((c) => c.messages)
      .sort((a, b) => b.createdAt - a.createdAt || b.seq - a.seq)
      .map((m) => ({
        id: m.id,
        conversation_id: m.conversationId,
        psid: m.psid,
        from: m.fromPage ? { ...state.page } : { id: m.psid, name: state.people.byPsid(m.psid)?.name ?? '' },
        text: m.text,
        by_page: m.fromPage,
        created_time: new Date(m.createdAt).toISOString(),
        ...(m.messagingType ? { messaging_type: m.messagingType } : {}),
        ...(m.tag ? { tag: m.tag } : {}),
        ...(m.privateReplyTo ? { private_reply_to: m.privateReplyTo } : {}),
      }));
    res.json({ data });
  });

  router.get('/_sim/facebook/page-activity', (_req, res) => {
    res.json({ data: state.activity.newestFirst() });
  });

  router.get('/_sim/facebook/people', (_req, res) => {
    res.json({ data: state.people.all().map(personView) });
  });

  // A person blocks the Page (or can no longer be messaged): sends to them answer code 551.
  router.put('/_sim/facebook/people/:psid', (req, res) => {
    const input = parseBody(res, personUpdateSchema, req.body);
    if (!input) return;
    const person = state.people.byPsid(req.params.psid);
    if (!person) {
      res.status(404).json({ error: `no person with PSID ${req.params.psid}` });
      return;
    }
    person.unavailable = input.unavailable;
    res.json(personView(person));
  });

  return router;
}

function answer<T>(res: Response, outcome: Outcome<T>, onOk: (value: T) => void): void {
  if (outcome.ok) onOk(outcome.value);
  else res.status(outcome.status).json({ error: outcome.error });
}

function time(iso: string | undefined): number | undefined {
  return iso === undefined ? undefined : Date.parse(iso);
}

function allComments(state: FacebookState): FbComment[] {
  return state.content.allPosts('created_time').flatMap((p) => state.content.commentsOn(p.id));
}

function personView(p: FbPerson) {
  return { name: p.name, user_id: p.userId, psid: p.psid, unavailable: p.unavailable };
}

/** A comment as stored, deleted and hidden ones included, with what the Page did to it. */
function view(state: FacebookState, c: FbComment) {
  return {
    id: c.id,
    post_id: c.postId,
    parent_id: c.parentId,
    from: state.actor(c.authorId),
    message: c.message,
    created_time: new Date(c.createdAt).toISOString(),
    by_page: c.byPage,
    is_hidden: c.hidden,
    is_deleted: c.deleted,
    ...(c.attachmentUrl ? { attachment_url: c.attachmentUrl } : {}),
    ...(c.editedAt !== null ? { edited_time: new Date(c.editedAt).toISOString() } : {}),
    ...(c.privateReply ? { private_reply_message_id: c.privateReply.messageId } : {}),
  };
}

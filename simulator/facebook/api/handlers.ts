import { z } from 'zod';
import type { GraphHandlerName, GraphRoute } from '../endpoints';
import { type GraphFailure, invalidParameter, unsupportedRequest } from '../errors';
import { type FieldSpec, parseFields, plainFields } from '../fields';
import { MESSAGE_TAGS, type MessagingType } from '../messenger';
import { pageComment, pageDelete, privateReply, sendMessage, setHidden } from '../pageActions';
import { type GraphContext, objectParam, raise, stringParam } from './context';
import { listComments } from './listComments';
import { listPosts } from './listPosts';
import { listConversations, listMessages } from './messenger';
import { renderNode } from './render';

/** One function per Graph route; each returns the 200 body or throws a GraphRequestError. */
export type GraphHandler = (ctx: GraphContext, route: GraphRoute) => unknown;

function fieldsOf(ctx: GraphContext, defaults: readonly string[]): FieldSpec[] {
  const text = stringParam(ctx.params, 'fields');
  if (text === undefined || text.trim() === '') return plainFields(defaults);
  const parsed = parseFields(text);
  if (!parsed.ok) raise(invalidParameter(parsed.error));
  return parsed.fields;
}

const linkParams = (ctx: GraphContext) => ({ ...ctx.query, access_token: ctx.token });

const unwrap = <T>(outcome: { ok: true; value: T } | { ok: false; failure: GraphFailure }): T =>
  outcome.ok ? outcome.value : raise(outcome.failure);

const page: GraphHandler = (ctx) => renderNode(ctx, 'Page', ctx.state.page, fieldsOf(ctx, ['name', 'id']));

const object: GraphHandler = (ctx, route) => {
  const { state } = ctx;
  const { options } = state;
  const post = state.content.post(route.id);
  if (post) return renderNode(ctx, 'Post', post, fieldsOf(ctx, options.postDefaultFields));
  const comment = state.content.liveComment(route.id);
  if (comment) return renderNode(ctx, 'Comment', comment, fieldsOf(ctx, options.commentDefaultFields));
  const conversation = state.messenger.conversation(route.id);
  if (conversation) {
    return renderNode(ctx, 'Conversation', conversation, fieldsOf(ctx, options.conversationDefaultFields));
  }
  const message = state.messenger.message(route.id);
  // UNCONFIRMED: the default fields of a single message read by id.
  if (message) return renderNode(ctx, 'Message', message, fieldsOf(ctx, ['message', 'created_time', 'id']));
  return raise(unsupportedRequest('GET', route.id));
};

const booleanParam = z.union([
  z.boolean(),
  z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1'),
]);

const updateComment: GraphHandler = (ctx, route) => {
  const parsed = booleanParam.safeParse(ctx.params.is_hidden);
  // UNCONFIRMED wording; editing a comment's message is not simulated.
  if (!parsed.success) raise(invalidParameter('param is_hidden must be a boolean'));
  unwrap(setHidden(ctx.state, route.id, parsed.data));
  // UNCONFIRMED (reference §6): the body of a successful hide or delete.
  return { success: true };
};

const sendBodySchema = z.object({
  recipient: z.union([
    z.object({ id: z.string().min(1) }),
    z.object({ comment_id: z.string().min(1) }),
    z.object({ post_id: z.string().min(1) }),
  ]),
  message: z.object({ text: z.string() }),
  messaging_type: z.enum(['RESPONSE', 'UPDATE', 'MESSAGE_TAG']).optional(),
  tag: z.enum(MESSAGE_TAGS).optional(),
});

const send: GraphHandler = (ctx) => {
  const input = {
    recipient: objectParam(ctx.params, 'recipient'),
    message: objectParam(ctx.params, 'message'),
    messaging_type: ctx.params.messaging_type,
    tag: ctx.params.tag,
  };
  // UNCONFIRMED: wording of the answers to a malformed send.
  if (input.recipient === undefined) raise(invalidParameter('The parameter recipient is required'));
  if (input.message === undefined) raise(invalidParameter('The parameter message is required'));
  const parsed = sendBodySchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const [head, ...rest] = issue.path.map(String);
    raise(
      invalidParameter(`param ${head}${rest.map((p) => `[${p}]`).join('')} is invalid: ${issue.message}`),
    );
  }
  const body = parsed.data;
  const { recipient } = body;
  if ('comment_id' in recipient || 'post_id' in recipient) {
    const target =
      'comment_id' in recipient ? { commentId: recipient.comment_id } : { postId: recipient.post_id };
    const { message, person } = unwrap(privateReply(ctx.state, target, body.message.text));
    return { recipient_id: person.psid, message_id: message.id };
  }
  // UNCONFIRMED: a send without messaging_type is taken as RESPONSE.
  const messagingType: MessagingType = body.messaging_type ?? 'RESPONSE';
  if (messagingType === 'MESSAGE_TAG' && body.tag === undefined) {
    raise(invalidParameter('Tag is required for MESSAGE_TAG messaging type'));
  }
  const message = unwrap(
    sendMessage(ctx.state, {
      psid: recipient.id,
      text: body.message.text,
      messagingType,
      tag: messagingType === 'MESSAGE_TAG' ? body.tag! : null,
    }),
  );
  return { recipient_id: recipient.id, message_id: message.id };
};

export const GRAPH_HANDLERS: Record<GraphHandlerName, GraphHandler> = {
  me: page,
  page,
  object,
  posts: (ctx, route) =>
    listPosts(
      ctx,
      route.edge as 'feed' | 'published_posts' | 'posts',
      fieldsOf(ctx, ctx.state.options.postDefaultFields),
      route.endpoints,
    ),
  listComments: (ctx, route) =>
    listComments(ctx, route.id, {
      params: ctx.params,
      fields: fieldsOf(ctx, ctx.state.options.commentDefaultFields),
      endpoints: route.endpoints,
      linkParams: linkParams(ctx),
    }),
  createComment: (ctx, route) => {
    const comment = unwrap(
      pageComment(ctx.state, route.id, {
        message: stringParam(ctx.params, 'message'),
        attachmentUrl: stringParam(ctx.params, 'attachment_url'),
      }),
    );
    return { id: comment.id };
  },
  updateComment,
  deleteComment: (ctx, route) => {
    unwrap(pageDelete(ctx.state, route.id));
    return { success: true };
  },
  sendMessage: send,
  conversations: (ctx, route) =>
    listConversations(ctx, fieldsOf(ctx, ctx.state.options.conversationDefaultFields), route.endpoints),
  conversationMessages: (ctx, route) =>
    listMessages(ctx, route.id, {
      params: ctx.params,
      fields: fieldsOf(ctx, ctx.state.options.messageDefaultFields),
      endpoints: route.endpoints,
      linkParams: linkParams(ctx),
    }),
};

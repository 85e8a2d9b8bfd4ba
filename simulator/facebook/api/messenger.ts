import type { FbEndpoint } from '../endpoints';
import { invalidParameter, unsupportedRequest } from '../errors';
import { type FieldSpec, plainFields, serializeFields } from '../fields';
import type { FbConversation, FbMessage } from '../messenger';
import { pageList, pagingBody } from '../paging';
import { type GraphContext, raise } from './context';
import { conversationsParamsSchema, DEFAULT_LIMIT, messagesParamsSchema, parseParams } from './params';
import { checkFields, renderNode } from './render';

/**
 * GET /{page-id}/conversations (newest activity first; `since`/`until` do not apply, reference §6) and
 * GET /{conversation-id}/messages (newest first), plus the `messages` edge of a conversation.
 */

export function listConversations(ctx: GraphContext, fields: FieldSpec[], endpoints: readonly FbEndpoint[]) {
  const { state } = ctx;
  const q = parseParams(conversationsParamsSchema, ctx.params);
  checkFields('Conversation', fields);
  let items =
    (q.platform ?? 'messenger') === 'messenger'
      ? state.messenger.allConversations().filter((c) => q.user_id === undefined || c.psid === q.user_id)
      : [];
  const hidden = state.faults.takeHiddenItems(
    endpoints,
    [...items].sort((a, b) => b.seq - a.seq).map((c) => c.id),
  );
  items = items.filter((c) => !hidden.has(c.id));
  const outcome = pageList(
    items,
    (c) => ({ t: c.updatedAt, s: c.seq }),
    'desc',
    { limit: q.limit ?? DEFAULT_LIMIT, after: q.after, before: q.before },
    { empty: state.faults.takeEmptyPage(endpoints) },
  );
  if (!outcome.ok) raise(invalidParameter('The cursor is not valid'));
  const body: Record<string, unknown> = {
    data: outcome.page.items.map((c) => renderNode(ctx, 'Conversation', c, fields)),
  };
  const paging = pagingBody(outcome.page, {
    baseUrl: `${ctx.origin}/${ctx.version}/${state.page.id}/conversations`,
    params: { ...ctx.query, access_token: ctx.token },
  });
  if (paging) body.paging = paging;
  return body;
}

interface MessagesRequest {
  params: Record<string, unknown>;
  fields: FieldSpec[];
  endpoints?: readonly FbEndpoint[];
  linkParams: Record<string, string>;
}

export function listMessages(ctx: GraphContext, conversationId: string, request: MessagesRequest) {
  const { state } = ctx;
  const conversation = state.messenger.conversation(conversationId);
  if (!conversation) raise(unsupportedRequest('GET', conversationId));
  const q = parseParams(messagesParamsSchema, request.params);
  checkFields('Message', request.fields);
  let items: FbMessage[] = [...conversation.messages].reverse();
  let empty = false;
  if (request.endpoints) {
    const hidden = state.faults.takeHiddenItems(
      request.endpoints,
      [...items].sort((a, b) => b.seq - a.seq).map((m) => m.id),
    );
    items = items.filter((m) => !hidden.has(m.id));
    empty = state.faults.takeEmptyPage(request.endpoints);
  }
  const outcome = pageList(
    items,
    (m) => ({ t: m.createdAt, s: m.seq }),
    'desc',
    { limit: q.limit ?? DEFAULT_LIMIT, after: q.after, before: q.before },
    { empty },
  );
  if (!outcome.ok) raise(invalidParameter('The cursor is not valid'));
  const body: Record<string, unknown> = {
    data: outcome.page.items.map((m) => renderNode(ctx, 'Message', m, request.fields)),
  };
  const paging = pagingBody(outcome.page, {
    baseUrl: `${ctx.origin}/${ctx.version}/${conversationId}/messages`,
    params: request.linkParams,
  });
  if (paging) body.paging = paging;
  return body;
}

/** `fields=messages.limit(5){message,from}` on a conversation. */
export function messagesEdge(ctx: GraphContext, conversation: FbConversation, spec: FieldSpec) {
  const fields = spec.fields ?? plainFields(ctx.state.options.messageDefaultFields);
  const linkParams: Record<string, string> = { ...spec.modifiers, access_token: ctx.token };
  if (spec.fields) linkParams.fields = serializeFields(spec.fields);
  return listMessages(ctx, conversation.id, { params: spec.modifiers, fields, linkParams });
}

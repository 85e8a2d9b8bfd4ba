import type { FbComment, FbPost } from '../content';
import { nonexistingField } from '../errors';
import { type FieldSpec, plainFields } from '../fields';
import { graphTime } from '../format';
import type { FbConversation, FbMessage } from '../messenger';
import { type GraphContext, raise } from './context';
import { commentsEdge } from './listComments';
import { messagesEdge } from './messenger';

/**
 * Nodes rendered with the fields a request asked for. Graph adds `id` to every node whether asked or not
 * and leaves out fields that have no value (`parent` on a top-level comment).
 */

export type NodeType = 'Page' | 'Post' | 'Comment' | 'Conversation' | 'Message';

type Resolver<T> = (item: T, spec: FieldSpec, ctx: GraphContext) => unknown;
type Resolvers<T> = Record<string, Resolver<T>>;

export interface PageNode {
  id: string;
  name: string;
}

const PAGE: Resolvers<PageNode> = {
  id: (p) => p.id,
  name: (p) => p.name,
  category: () => 'Telecommunication Company',
  link: (p) => `https://www.facebook.com/${p.id}`,
  fan_count: () => 184_000,
  about: (p) => `Hier hilft das Team von ${p.name}. Mo-So 8-22 Uhr.`,
};

const POST: Resolvers<FbPost> = {
  id: (p) => p.id,
  message: (p) => (p.message === '' ? undefined : p.message),
  created_time: (p) => graphTime(p.createdAt),
  updated_time: (p) => graphTime(p.updatedAt),
  from: (p, _s, ctx) => ctx.state.actor(p.authorId),
  permalink_url: (p, _s, ctx) => ctx.state.postPermalink(p),
  is_hidden: () => false,
  is_published: () => true,
  status_type: (p) => (p.byPage ? 'mobile_status_update' : 'wall_post'),
  can_reply_privately: (p, _s, ctx) =>
    !p.byPage && ctx.state.now() - p.createdAt <= ctx.state.options.privateReplyWindowMs,
  comments: (p, spec, ctx) => commentsEdge(ctx, p.id, spec),
};

const COMMENT: Resolvers<FbComment> = {
  id: (c) => c.id,
  message: (c) => c.message,
  from: (c, _s, ctx) => ctx.state.actor(c.authorId),
  created_time: (c) => graphTime(c.createdAt),
  parent: (c, spec, ctx) => {
    if (c.parentId === null) return undefined;
    const parent = ctx.state.content.comment(c.parentId)!;
    return renderNode(
      ctx,
      'Comment',
      parent,
      spec.fields ?? plainFields(ctx.state.options.commentDefaultFields),
    );
  },
  attachment: (c) =>
    c.attachmentUrl === null
      ? undefined
      : {
          type: 'photo',
          url: c.attachmentUrl,
          media: { image: { src: c.attachmentUrl, width: 720, height: 720 } },
        },
  is_hidden: (c) => c.hidden,
  can_hide: (c) => !c.byPage,
  can_remove: () => true,
  can_comment: () => true,
  can_like: () => true,
  can_reply_privately: (c, _s, ctx) =>
    !c.byPage &&
    c.privateReply === null &&
    ctx.state.now() - c.createdAt <= ctx.state.options.privateReplyWindowMs,
  comment_count: (c, _s, ctx) =>
    c.parentId === null ? ctx.state.content.repliesTo(c.id).filter((r) => !r.deleted).length : 0,
  like_count: () => 0,
  user_likes: () => false,
  message_tags: () => undefined,
  permalink_url: (c, _s, ctx) => ctx.state.commentPermalink(c),
  private_reply_conversation: (c, spec, ctx) => {
    if (c.privateReply === null) return undefined;
    const conversation = ctx.state.messenger.conversation(c.privateReply.conversationId)!;
    return renderNode(ctx, 'Conversation', conversation, spec.fields ?? plainFields(['id']));
  },
  comments: (c, spec, ctx) => commentsEdge(ctx, c.id, spec),
};

function participant(ctx: GraphContext, psid: string | null) {
  if (psid === null) {
    const page = ctx.state.page;
    return { name: page.name, email: `${page.id}@facebook.com`, id: page.id };
  }
  const person = ctx.state.people.byPsid(psid);
  // UNCONFIRMED: Graph shows people as `<psid>@facebook.com`.
  return { name: person?.name ?? 'Facebook User', email: `${psid}@facebook.com`, id: psid };
}

const CONVERSATION: Resolvers<FbConversation> = {
  id: (c) => c.id,
  link: (c, _s, ctx) => `/${ctx.state.page.id}/inbox/${c.id.slice(2)}/`,
  updated_time: (c) => graphTime(c.updatedAt),
  participants: (c, _s, ctx) => ({ data: [participant(ctx, c.psid), participant(ctx, null)] }),
  senders: (c, _s, ctx) => ({ data: [participant(ctx, c.psid), participant(ctx, null)] }),
  message_count: (c) => c.messages.length,
  // UNCONFIRMED: the person's messages since the Page last wrote count as unread.
  unread_count: (c) => {
    const lastPage = c.messages.findLastIndex((m) => m.fromPage);
    return c.messages.slice(lastPage + 1).filter((m) => !m.fromPage).length;
  },
  snippet: (c) => c.messages[c.messages.length - 1]?.text.slice(0, 100),
  // UNCONFIRMED: false only when the person cannot be messaged at all.
  can_reply: (c, _s, ctx) => !(ctx.state.people.byPsid(c.psid)?.unavailable ?? false),
  messages: (c, spec, ctx) => messagesEdge(ctx, c, spec),
};

const MESSAGE: Resolvers<FbMessage> = {
  id: (m) => m.id,
  message: (m) => m.text,
  created_time: (m) => graphTime(m.createdAt),
  from: (m, _s, ctx) => participant(ctx, m.fromPage ? null : m.psid),
  to: (m, _s, ctx) => ({ data: [participant(ctx, m.fromPage ? m.psid : null)] }),
};

const RESOLVERS: Record<NodeType, Resolvers<never>> = {
  Page: PAGE,
  Post: POST,
  Comment: COMMENT,
  Conversation: CONVERSATION,
  Message: MESSAGE,
};

/** Which node type an edge or object field holds, for checking the fields asked of it. */
const NESTED: Partial<Record<NodeType, Record<string, NodeType>>> = {
  Post: { comments: 'Comment' },
  Comment: { comments: 'Comment', parent: 'Comment', private_reply_conversation: 'Conversation' },
  Conversation: { messages: 'Message' },
};

/** Refuses a field the node type does not have (code 100), as Graph does even for an empty list. */
export function checkFields(type: NodeType, specs: readonly FieldSpec[]): void {
  for (const spec of specs) {
    if (!(spec.name in RESOLVERS[type])) raise(nonexistingField(spec.name, type));
    const nested = NESTED[type]?.[spec.name];
    if (nested && spec.fields) checkFields(nested, spec.fields);
  }
}

export function renderNode<T>(
  ctx: GraphContext,
  type: NodeType,
  item: T,
  specs: readonly FieldSpec[],
): Record<string, unknown> {
  const resolvers = RESOLVERS[type] as unknown as Resolvers<T>;
  const out: Record<string, unknown> = {};
  for (const spec of specs) {
    const resolve = resolvers[spec.name];
    if (!resolve) raise(nonexistingField(spec.name, type));
    const value = resolve(item, spec, ctx);
    if (value !== undefined) out[spec.name] = value;
  }
  if (!('id' in out)) out.id = resolvers.id!(item, { name: 'id', modifiers: {}, fields: null }, ctx);
  return out;
}

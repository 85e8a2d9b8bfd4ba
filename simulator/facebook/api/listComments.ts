import type { FbComment } from '../content';
import type { FbEndpoint } from '../endpoints';
import { cursorTooDeep, invalidParameter, unsupportedRequest } from '../errors';
import { type FieldSpec, plainFields, serializeFields } from '../fields';
import { pageList, pagingBody } from '../paging';
import { type GraphContext, raise } from './context';
import { commentsParamsSchema, DEFAULT_LIMIT, parseParams } from './params';
import { checkFields, renderNode } from './render';

/**
 * GET /{object-id}/comments and the `comments` edge of posts and comments. For a post, `filter=toplevel`
 * lists top-level comments and `stream` every comment flat; for a comment, its replies. Hidden comments are
 * listed (`is_hidden: true`) because every token is a Page token; deleted ones are gone.
 */

interface CommentsRequest {
  params: Record<string, unknown>;
  fields: FieldSpec[];
  /** Set for a top-level request: faults apply, and paging links repeat the request's own query. */
  endpoints?: readonly FbEndpoint[];
  linkParams: Record<string, string>;
}

export function listComments(ctx: GraphContext, objectId: string, request: CommentsRequest) {
  const { state } = ctx;
  const q = parseParams(commentsParamsSchema, request.params);
  checkFields('Comment', request.fields);
  const filter = q.filter ?? state.options.commentsDefaultFilter;
  const order = q.order ?? state.options.commentsDefaultOrder;
  const scope = commentsInScope(ctx, objectId, filter);
  const inTime = scope.filter(
    (c) =>
      (q.since === undefined || c.createdAt >= q.since) && (q.until === undefined || c.createdAt <= q.until),
  );
  const direction = order === 'chronological' ? 'asc' : 'desc';
  const sign = direction === 'asc' ? 1 : -1;
  let items = inTime.sort((a, b) => sign * (a.createdAt - b.createdAt || a.seq - b.seq));
  let empty = false;
  if (request.endpoints) {
    const newestFirst = [...items].sort((a, b) => b.seq - a.seq).map((c) => c.id);
    const hidden = state.faults.takeHiddenItems(request.endpoints, newestFirst);
    items = items.filter((c) => !hidden.has(c.id));
    empty = state.faults.takeEmptyPage(request.endpoints);
  }
  const outcome = pageList(
    items,
    (c) => ({ t: c.createdAt, s: c.seq }),
    direction,
    { limit: q.limit ?? DEFAULT_LIMIT, after: q.after, before: q.before },
    { empty, maxAfterOffset: state.options.commentsMaxAfterOffset },
  );
  if (!outcome.ok) {
    raise(outcome.reason === 'too_deep' ? cursorTooDeep() : invalidParameter('The cursor is not valid'));
  }
  const body: Record<string, unknown> = {
    data: outcome.page.items.map((c) => renderNode(ctx, 'Comment', c, request.fields)),
  };
  const paging = pagingBody(outcome.page, {
    baseUrl: `${ctx.origin}/${ctx.version}/${objectId}/comments`,
    params: request.linkParams,
  });
  if (paging) body.paging = paging;
  if (q.summary) body.summary = { order, total_count: scope.length, can_comment: true };
  return body;
}

/** The `comments` field of a post or comment: an edge with modifiers (`comments.summary(true).limit(5){…}`). */
export function commentsEdge(ctx: GraphContext, objectId: string, spec: FieldSpec) {
  const fields = spec.fields ?? plainFields(ctx.state.options.commentDefaultFields);
  const linkParams: Record<string, string> = { ...spec.modifiers, access_token: ctx.token };
  if (spec.fields) linkParams.fields = serializeFields(spec.fields);
  return listComments(ctx, objectId, { params: spec.modifiers, fields, linkParams });
}

function commentsInScope(ctx: GraphContext, objectId: string, filter: 'toplevel' | 'stream'): FbComment[] {
  const { content } = ctx.state;
  let all: FbComment[];
  if (content.post(objectId)) {
    all = content.commentsOn(objectId).filter((c) => filter === 'stream' || c.parentId === null);
  } else if (content.liveComment(objectId)) {
    all = content.repliesTo(objectId);
  } else {
    raise(unsupportedRequest('GET', objectId));
  }
  return all.filter((c) => !c.deleted);
}

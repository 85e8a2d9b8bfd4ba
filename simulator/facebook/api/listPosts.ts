import type { FbPost } from '../content';
import type { FbEndpoint } from '../endpoints';
import { invalidParameter } from '../errors';
import type { FieldSpec } from '../fields';
import { pageList, pagingBody } from '../paging';
import { type GraphContext, raise } from './context';
import { DEFAULT_LIMIT, parseParams, postsParamsSchema } from './params';
import { checkFields, renderNode } from './render';

/**
 * GET /{page-id}/feed, /published_posts and /posts, newest first. /feed also shows visitors' posts on the
 * Page; the other two only the Page's own. UNCONFIRMED: real /feed pages by time (`until` plus
 * `__paging_token`); the issue asks for cursor paging here, and a client that follows `next` works with both.
 */
export function listPosts(
  ctx: GraphContext,
  edge: 'feed' | 'published_posts' | 'posts',
  fields: FieldSpec[],
  endpoints: readonly FbEndpoint[],
) {
  const { state } = ctx;
  const q = parseParams(postsParamsSchema, ctx.params);
  checkFields('Post', fields);
  const by = state.options.feedOrderBy;
  const time = (p: FbPost) => (by === 'created_time' ? p.createdAt : p.updatedAt);
  let items = state.content
    .allPosts(by)
    .filter((p) => edge === 'feed' || p.byPage)
    .filter(
      (p) => (q.since === undefined || time(p) >= q.since) && (q.until === undefined || time(p) <= q.until),
    );
  const hidden = state.faults.takeHiddenItems(
    endpoints,
    [...items].sort((a, b) => b.seq - a.seq).map((p) => p.id),
  );
  items = items.filter((p) => !hidden.has(p.id));
  const outcome = pageList(
    items,
    (p) => ({ t: time(p), s: p.seq }),
    'desc',
    { limit: q.limit ?? DEFAULT_LIMIT, after: q.after, before: q.before },
    { empty: state.faults.takeEmptyPage(endpoints) },
  );
  if (!outcome.ok) raise(invalidParameter('The cursor is not valid'));
  const body: Record<string, unknown> = {
    data: outcome.page.items.map((p) => renderNode(ctx, 'Post', p, fields)),
  };
  const paging = pagingBody(outcome.page, {
    baseUrl: `${ctx.origin}/${ctx.version}/${state.page.id}/${edge}`,
    params: { ...ctx.query, access_token: ctx.token },
  });
  if (paging) body.paging = paging;
  return body;
}

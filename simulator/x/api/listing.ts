import type { Response } from 'express';
import type { SimulatorState, XPost } from '../store';
import { invalidRequestBody } from './problems';
import { type FieldSelection, type Json, Renderer } from './render';
import { sendData, sendProblem } from './respond';
import {
  type Listable,
  pageTimeline,
  type TimelineMeta,
  type TimelinePage,
  type TimelineParams,
} from './timeline';

export interface ListingStyle {
  /** The query parameter that carries the page token back: `pagination_token`, or `next_token` for search. */
  tokenName: 'pagination_token' | 'next_token';
  defaultMaxResults?: number;
  /** Which of newest_id, oldest_id and previous_token the endpoint reports. */
  meta?: { ids: boolean; previousToken: boolean };
}

/** Pages `candidates` (newest first), or answers a bad page token; null when it has answered. */
export function pageOrRefuse<T extends Listable>(
  res: Response,
  candidates: readonly T[],
  params: TimelineParams,
  style: ListingStyle,
): { posts: T[]; meta: TimelineMeta } | null {
  const page: TimelinePage<T> = pageTimeline(candidates, params, style.defaultMaxResults);
  if (!page.ok) {
    const token = params.pagination_token ?? '';
    sendProblem(
      res,
      400,
      invalidRequestBody([
        {
          parameters: { [style.tokenName]: [token] },
          // UNCONFIRMED: wording of the real answer to an unknown token.
          message: `The \`${style.tokenName}\` query parameter value [${token}] is not valid`,
        },
      ]),
    );
    return null;
  }
  const meta: TimelineMeta = { ...page.meta };
  if (style.meta && !style.meta.ids) {
    delete meta.newest_id;
    delete meta.oldest_id;
  }
  if (style.meta && !style.meta.previousToken) delete meta.previous_token;
  return { posts: page.posts, meta };
}

/** Answers a page of posts in the shape every v2 post listing shares: data, includes, errors, meta. */
export function respondPostListing(
  state: SimulatorState,
  res: Response,
  candidates: XPost[],
  params: TimelineParams,
  fields: FieldSelection,
  style: ListingStyle = { tokenName: 'pagination_token' },
): void {
  const page = pageOrRefuse(res, candidates, params, style);
  if (!page) return;
  const renderer = new Renderer(state, fields);
  const body: Json = {};
  if (page.posts.length) body.data = page.posts.map((p) => renderer.tweet(p));
  Object.assign(body, renderer.expand(page.posts));
  body.meta = page.meta;
  sendData(res, 200, body);
}

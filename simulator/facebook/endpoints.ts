/**
 * The Graph endpoints the stand-in serves, named "<METHOD> <path template>" as Meta's documentation writes
 * them. One request matches a specific name and a general one (`GET /{post-id}/comments` and
 * `GET /{object-id}/comments`); a fault set on either applies. Stats count the specific name.
 */
export const FB_ENDPOINTS = [
  'GET /me',
  'GET /{page-id}',
  'GET /{object-id}',
  'GET /{post-id}',
  'GET /{comment-id}',
  'GET /{page-id}/feed',
  'GET /{page-id}/published_posts',
  'GET /{page-id}/posts',
  'GET /{object-id}/comments',
  'GET /{post-id}/comments',
  'GET /{comment-id}/comments',
  'POST /{object-id}/comments',
  'POST /{post-id}/comments',
  'POST /{comment-id}/comments',
  'POST /{comment-id}',
  'DELETE /{comment-id}',
  'POST /{page-id}/messages',
  'GET /{page-id}/conversations',
  'GET /{conversation-id}/messages',
] as const;

export type FbEndpoint = (typeof FB_ENDPOINTS)[number];

/** Not an endpoint: the simulator's own webhook deliveries, which faults can also target. */
export const FB_WEBHOOK_TARGET = 'webhook';

/** Listings: only these can hide an item late (drop_then_show) or answer an empty page (empty_page). */
export const FB_LISTING_ENDPOINTS: readonly FbEndpoint[] = [
  'GET /{page-id}/feed',
  'GET /{page-id}/published_posts',
  'GET /{page-id}/posts',
  'GET /{object-id}/comments',
  'GET /{post-id}/comments',
  'GET /{comment-id}/comments',
  'GET /{page-id}/conversations',
  'GET /{conversation-id}/messages',
];

export type ObjectKind = 'page' | 'post' | 'comment' | 'conversation' | 'message' | 'unknown';

export type GraphHandlerName =
  | 'me'
  | 'page'
  | 'object'
  | 'posts'
  | 'listComments'
  | 'createComment'
  | 'updateComment'
  | 'deleteComment'
  | 'sendMessage'
  | 'conversations'
  | 'conversationMessages';

export interface GraphRoute {
  handler: GraphHandlerName;
  /** Specific name first. */
  endpoints: FbEndpoint[];
  /** The object id in the path (the page id for /me). */
  id: string;
  /** The edge in the path (`feed`, `comments`, …), if any. */
  edge: string | null;
}

const POST_LISTS = new Set(['feed', 'published_posts', 'posts']);

/**
 * Which handler serves a request, given what the first path segment names. Null for anything the stand-in
 * does not serve (the caller answers with Graph's "unsupported request" error).
 */
export function matchGraphRoute(method: string, segments: string[], kind: ObjectKind): GraphRoute | null {
  const [id, edge, ...rest] = segments;
  if (id === undefined || rest.length > 0) return null;
  const route = (handler: GraphHandlerName, ...endpoints: FbEndpoint[]): GraphRoute => ({
    handler,
    endpoints,
    id,
    edge: edge ?? null,
  });
  if (edge === undefined) {
    if (method === 'GET') {
      if (id === 'me') return route('me', 'GET /me');
      if (kind === 'page') return route('page', 'GET /{page-id}');
      if (kind === 'post') return route('object', 'GET /{post-id}', 'GET /{object-id}');
      if (kind === 'comment') return route('object', 'GET /{comment-id}', 'GET /{object-id}');
      return route('object', 'GET /{object-id}');
    }
    if (kind === 'comment' && method === 'POST') return route('updateComment', 'POST /{comment-id}');
    if (kind === 'comment' && method === 'DELETE') return route('deleteComment', 'DELETE /{comment-id}');
    return null;
  }
  if (kind === 'page' && method === 'GET' && POST_LISTS.has(edge)) {
    return route('posts', `GET /{page-id}/${edge}` as FbEndpoint);
  }
  if (edge === 'comments' && (method === 'GET' || method === 'POST')) {
    const handler = method === 'GET' ? 'listComments' : 'createComment';
    const general = `${method} /{object-id}/comments` as FbEndpoint;
    if (kind === 'post' || kind === 'comment') {
      return route(handler, `${method} /{${kind}-id}/comments` as FbEndpoint, general);
    }
    return route(handler, general);
  }
  if (kind === 'page' && edge === 'messages' && method === 'POST')
    return route('sendMessage', 'POST /{page-id}/messages');
  if (kind === 'page' && edge === 'conversations' && method === 'GET') {
    return route('conversations', 'GET /{page-id}/conversations');
  }
  if (kind === 'conversation' && edge === 'messages' && method === 'GET') {
    return route('conversationMessages', 'GET /{conversation-id}/messages');
  }
  return null;
}

export function isFbEndpoint(value: string): value is FbEndpoint {
  return (FB_ENDPOINTS as readonly string[]).includes(value);
}

import express, { type ErrorRequestHandler, type Request, type RequestHandler, type Router } from 'express';
import { matchGraphRoute } from '../endpoints';
import {
  type GraphFailure,
  invalidParameter,
  nonexistingField,
  unknownPath,
  unsupportedRequest,
} from '../errors';
import type { FacebookState } from '../store';
import { type GraphContext, GraphRequestError } from './context';
import { GRAPH_HANDLERS } from './handlers';
import { graphPipeline } from './pipeline';
import { sendGraph, sendGraphError, setUsageHeaders } from './respond';

const VERSIONED = /^\/(v\d+\.\d+)(\/.*)?$/;

/**
 * The Graph API surface under any `/vNN.N/` prefix, as on graph.facebook.com. Paths are dispatched by hand
 * because what a path means depends on what its first id names (a post's comments or a comment's replies).
 */
export function createGraphRouter(state: FacebookState): Router {
  const graph = express.Router();
  graph.use(express.json({ limit: '1mb' }));
  graph.use(express.urlencoded({ extended: false, limit: '1mb' }));
  graph.use(dispatch(state));
  graph.use(graphErrorHandler(state));

  const router = express.Router();
  router.use((req, res, next) => (VERSIONED.test(req.path) ? graph(req, res, next) : next()));
  return router;
}

function dispatch(state: FacebookState): RequestHandler {
  return (req, res) => {
    const [, version, rest = ''] = VERSIONED.exec(req.path)!;
    res.setHeader('facebook-api-version', version!);
    const segments = rest.split('/').filter(Boolean).map(decodeSegment);
    if (!state.options.acceptAnyVersion && version !== state.options.apiVersion) {
      setUsageHeaders(res, state);
      sendGraphError(res, unknownPath());
      return;
    }
    const first = segments[0] ?? '';
    const kind = state.kindOf(first);
    const route = matchGraphRoute(req.method, segments, kind);
    const token = graphPipeline(state, req, res, route?.endpoints ?? []);
    if (token === null) return;
    if (!route) {
      sendGraphError(res, unmatched(req.method, segments, kind));
      return;
    }
    const ctx: GraphContext = {
      state,
      version: version!,
      origin: state.options.publicBaseUrl ?? `${req.protocol}://${req.get('host')}`,
      token,
      params: mergedParams(req),
      query: stringQuery(req),
    };
    if (route.id === 'me') route.id = state.page.id;
    try {
      sendGraph(res, 200, GRAPH_HANDLERS[route.handler](ctx, route));
    } catch (err) {
      if (!(err instanceof GraphRequestError)) throw err;
      sendGraphError(res, err.failure);
    }
  };
}

/** An unknown edge of a known node is a nonexisting field; anything else an unsupported request. */
function unmatched(method: string, segments: string[], kind: string): GraphFailure {
  const [id = '', edge, ...rest] = segments;
  if (edge !== undefined && rest.length === 0 && method === 'GET' && kind !== 'unknown') {
    const nodeType = { page: 'Page', post: 'Post', comment: 'Comment', conversation: 'Conversation' }[kind];
    if (nodeType) return nonexistingField(edge, nodeType);
  }
  return unsupportedRequest(method, id);
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function mergedParams(req: Request): Record<string, unknown> {
  const body: unknown = req.body;
  const fromBody =
    body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  return { ...(req.query as Record<string, unknown>), ...fromBody };
}

function stringQuery(req: Request): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(req.query)) if (typeof value === 'string') out[key] = value;
  return out;
}

function graphErrorHandler(state: FacebookState): ErrorRequestHandler {
  return (err, _req, res, next) => {
    if (typeof err === 'object' && err !== null && 'type' in err && err.type === 'entity.parse.failed') {
      setUsageHeaders(res, state);
      // UNCONFIRMED wording of Graph's answer to a body that does not parse.
      sendGraphError(res, invalidParameter('Invalid JSON in request body'));
      return;
    }
    next(err);
  };
}

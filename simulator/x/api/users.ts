import type { Request, RequestHandler, Response } from 'express';
import type { SimulatorState } from '../store';
import { respondPostListing } from './listing';
import { invalidRequestBody, notFoundError } from './problems';
import { mentionsQuerySchema, meQuerySchema, parsePathId, parseXQuery, userTweetsQuerySchema } from './query';
import { Renderer } from './render';
import { sendData, sendProblem } from './respond';

/** Only the most recent 800 mentions can be read, however a client pages (reference section 2). */
export const MENTIONS_REACHABLE = 800;
// The documented cap of the user timeline; the simulator rarely gets near it.
const USER_TWEETS_REACHABLE = 3200;

const EMPTY = new Set<string>();

export function meHandler(state: SimulatorState): RequestHandler {
  return (req, res) => {
    const parsed = parseXQuery(meQuerySchema, req.query);
    if (!parsed.ok) {
      sendProblem(res, 400, invalidRequestBody(parsed.errors));
      return;
    }
    const renderer = new Renderer(state, {
      tweetFields: parsed.value['tweet.fields'] ?? EMPTY,
      userFields: parsed.value['user.fields'] ?? EMPTY,
      expansions: EMPTY,
    });
    sendData(res, 200, { data: renderer.user(state.brand) });
  };
}

export function mentionsHandler(state: SimulatorState): RequestHandler {
  return (req, res) => {
    const userId = validPathId(req, res);
    if (userId === null) return;
    const parsed = parseXQuery(mentionsQuerySchema, req.query);
    if (!parsed.ok) {
      sendProblem(res, 400, invalidRequestBody(parsed.errors));
      return;
    }
    if (!ensureKnownUser(state, res, userId)) return;
    const q = parsed.value;
    const all = state.mentionsOf(userId);
    const hidden = state.faults.takeHiddenPosts(
      'GET /2/users/:id/mentions',
      all.map((p) => p.id),
    );
    const reachable = all.filter((p) => !hidden.has(p.id)).slice(0, MENTIONS_REACHABLE);
    const tweetFields = new Set([...(q['tweet.fields'] ?? []), ...(q['post.fields'] ?? [])]);
    respondPostListing(state, res, reachable, q, {
      tweetFields,
      userFields: q['user.fields'] ?? EMPTY,
      expansions: q.expansions ?? EMPTY,
      mediaFields: q['media.fields'] ?? EMPTY,
    });
  };
}

/** The user's own posts; the adapter reads it to find out whether a reply it sent was really posted. */
export function userTweetsHandler(state: SimulatorState): RequestHandler {
  return (req, res) => {
    const userId = validPathId(req, res);
    if (userId === null) return;
    const parsed = parseXQuery(userTweetsQuerySchema, req.query);
    if (!parsed.ok) {
      sendProblem(res, 400, invalidRequestBody(parsed.errors));
      return;
    }
    if (!ensureKnownUser(state, res, userId)) return;
    const q = parsed.value;
    const excludeReplies = q.exclude?.has('replies') ?? false;
    const all = state.postsBy(userId).filter((p) => !(excludeReplies && p.inReplyToPostId));
    const hidden = state.faults.takeHiddenPosts(
      'GET /2/users/:id/tweets',
      all.map((p) => p.id),
    );
    const reachable = all.filter((p) => !hidden.has(p.id)).slice(0, USER_TWEETS_REACHABLE);
    respondPostListing(state, res, reachable, q, {
      tweetFields: q['tweet.fields'] ?? EMPTY,
      userFields: q['user.fields'] ?? EMPTY,
      expansions: q.expansions ?? EMPTY,
      mediaFields: q['media.fields'] ?? EMPTY,
    });
  };
}

function validPathId(req: Request, res: Response): string | null {
  const id = String(req.params.id ?? '');
  const error = parsePathId('id', id);
  if (!error) return id;
  sendProblem(res, 400, invalidRequestBody([error]));
  return null;
}

/** Returns false after answering for an unknown user id. */
function ensureKnownUser(state: SimulatorState, res: Response, userId: string): boolean {
  if (state.userById(userId)) return true;
  // UNCONFIRMED: X answers lookups of unknown users with 200 and only an `errors` array; assumed the same here.
  sendData(res, 200, { errors: [notFoundError('user', 'id', userId)] });
  return false;
}

import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { matchXEndpoint } from '../endpoints';
import type { SimulatorState } from '../store';
import { INTERNAL_ERROR_BODY, TOO_MANY_REQUESTS_BODY, UNAUTHORIZED_BODY } from './problems';
import { markTruncated, sendProblem, setAppLimitHeaders, setRateLimitHeaders } from './respond';

/**
 * What every /2/ request goes through before its handler, in the order the real API appears to apply it:
 * count, authenticate, rate-limit, then any injected fault. Rate-limit headers go on every answer.
 */
export function xRequestPipeline(state: SimulatorState): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    // Mounted at /2, so the mount point has to be put back to match full paths.
    const endpoint = matchXEndpoint(req.method, req.baseUrl + req.path);
    if (!endpoint) {
      next();
      return;
    }
    state.recordRequest(endpoint);
    // Every accepted token acts as the brand, so limits are kept per endpoint for that one user.
    const userId = state.brand.id;
    const token = bearerToken(req) ?? oauth1Identity(req);
    const appLimited = state.appRateLimits.covers(endpoint);
    if (token === null || !state.isTokenAccepted(token)) {
      setRateLimitHeaders(res, state.rateLimits.peek(endpoint, userId));
      if (appLimited) setAppLimitHeaders(res, state.appRateLimits.peek(endpoint, APP));
      sendProblem(res, 401, UNAUTHORIZED_BODY);
      return;
    }
    const limit = state.rateLimits.consume(endpoint, userId);
    setRateLimitHeaders(res, limit);
    if (!limit.allowed) {
      if (appLimited) setAppLimitHeaders(res, state.appRateLimits.peek(endpoint, APP));
      sendProblem(res, 429, TOO_MANY_REQUESTS_BODY);
      return;
    }
    if (appLimited) {
      // The per-app day: a 429 whose x-rate-limit-remaining is not 0. Only x-app-limit-24hour-reset says
      // when to come back (UNCONFIRMED: whether the user window is charged for a request the app limit refuses).
      const app = state.appRateLimits.consume(endpoint, APP);
      setAppLimitHeaders(res, app);
      if (!app.allowed) {
        sendProblem(res, 429, TOO_MANY_REQUESTS_BODY);
        return;
      }
    }
    switch (state.faults.takeResponseFault(endpoint)) {
      case null:
        break;
      case '429':
        setRateLimitHeaders(res, { ...limit, remaining: 0 });
        sendProblem(res, 429, TOO_MANY_REQUESTS_BODY);
        return;
      case '500':
        sendProblem(res, 500, INTERNAL_ERROR_BODY);
        return;
      case 'revoke':
        state.revokeToken(token);
        sendProblem(res, 401, UNAUTHORIZED_BODY);
        return;
      case 'timeout':
        // Never answered: the handler does not run, so nothing is created or changed.
        state.held.hold(req.socket, state.options.timeoutFaultMs);
        return;
      case 'malformed':
        // The handler runs (a post is really created) but the client cannot read the answer.
        markTruncated(res);
        break;
    }
    next();
  };
}

// One app (one set of consumer keys) stands behind every token.
const APP = 'app';

export function bearerToken(req: Request): string | null {
  const match = /^Bearer (.+)$/.exec(req.get('authorization') ?? '');
  return match ? match[1]!.trim() : null;
}

/**
 * OAuth 1.0a: the signature covers the real api.x.com URL, so the stand-in cannot verify it (reference
 * §1); it accepts the request when consumer key and access token are the simulator's (see
 * SIM_X_OAUTH1) and names it `oauth1:<consumer key>:<token>` for the token checks.
 */
export function oauth1Identity(req: Request): string | null {
  const header = req.get('authorization') ?? '';
  if (!header.startsWith('OAuth ')) return null;
  const param = (name: string) => {
    const m = new RegExp(`${name}="([^"]*)"`).exec(header);
    return m ? decodeURIComponent(m[1]!) : null;
  };
  const consumer = param('oauth_consumer_key');
  const token = param('oauth_token');
  return consumer && token ? `oauth1:${consumer}:${token}` : null;
}

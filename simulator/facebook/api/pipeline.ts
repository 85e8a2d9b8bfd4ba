import type { Request, Response } from 'express';
import type { FbEndpoint } from '../endpoints';
import {
  appRateLimited,
  errorForCode,
  invalidToken,
  missingToken,
  pageRateLimited,
  revokedToken,
  unexpectedError,
} from '../errors';
import type { FacebookState } from '../store';
import { markTruncated, sendGraphError, setUsageHeaders, usageForcedBy } from './respond';

/**
 * What every Graph request goes through before its handler: count, authenticate, check and charge usage,
 * then any injected fault. Usage headers go on every answer. Returns the accepted token, or null when the
 * request has been answered (or is being held by a `timeout` fault).
 */
export function graphPipeline(
  state: FacebookState,
  req: Request,
  res: Response,
  endpoints: readonly FbEndpoint[],
): string | null {
  if (endpoints[0]) state.recordRequest(endpoints[0]);
  const token = accessToken(req);
  const status = state.tokenStatus(token);
  if (status !== 'ok') {
    setUsageHeaders(res, state);
    if (status === 'missing') sendGraphError(res, missingToken());
    else if (status === 'revoked') sendGraphError(res, revokedToken(state.options.revokeSubcode));
    else sendGraphError(res, invalidToken());
    return null;
  }
  const { options } = state;
  const appOver = state.appUsage.throttled();
  const pageOver = state.pageUsage.throttled();
  if (appOver || pageOver) {
    if (options.countThrottledCalls) charge(state);
    setUsageHeaders(res, state);
    sendGraphError(
      res,
      appOver
        ? appRateLimited(options.rateLimitHttpStatus)
        : pageRateLimited(options.rateLimitHttpStatus, options.pageRateLimitCode),
    );
    return null;
  }
  charge(state);
  const fault = state.faults.takeResponseFault(endpoints);
  if (fault === null) {
    setUsageHeaders(res, state);
    return token;
  }
  switch (fault.kind) {
    case '429':
      setUsageHeaders(res, state, { app: true, page: true });
      sendGraphError(res, pageRateLimited(options.rateLimitHttpStatus, options.pageRateLimitCode));
      return null;
    case '500':
      setUsageHeaders(res, state);
      sendGraphError(res, unexpectedError());
      return null;
    case 'revoke':
      state.revokeToken(token!);
      setUsageHeaders(res, state);
      sendGraphError(res, revokedToken(options.revokeSubcode));
      return null;
    case 'timeout':
      // Never answered: the handler does not run, so nothing is created or changed.
      state.held.hold(req.socket, options.timeoutFaultMs);
      return null;
    case 'malformed':
      // The handler runs (a reply is really posted) but the client cannot read the answer.
      setUsageHeaders(res, state);
      markTruncated(res);
      return token;
    case 'code':
      setUsageHeaders(res, state, usageForcedBy(fault.code));
      sendGraphError(res, errorForCode(fault.code, fault.subcode));
      return null;
  }
}

function charge(state: FacebookState): void {
  state.appUsage.charge();
  state.pageUsage.charge();
}

/** `access_token` in the query or form body, or `Authorization: Bearer` (OAuth also works as the scheme). */
function accessToken(req: Request): string | null {
  const fromQuery = req.query.access_token;
  if (typeof fromQuery === 'string') return fromQuery;
  const body: unknown = req.body;
  if (body && typeof body === 'object' && 'access_token' in body && typeof body.access_token === 'string') {
    return body.access_token;
  }
  const match = /^(?:Bearer|OAuth) (.+)$/i.exec(req.get('authorization') ?? '');
  return match ? match[1]!.trim() : null;
}

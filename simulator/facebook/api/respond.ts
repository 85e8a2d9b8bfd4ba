import type { Response } from 'express';
import { type GraphFailure, RATE_LIMIT_CODES } from '../errors';
import { fbtraceId } from '../format';
import type { FacebookState } from '../store';
import { usageNumbers } from '../usage';

/** Set by a `malformed` fault: the answer keeps its status and headers but its JSON is cut in half. */
const TRUNCATE = 'simFbTruncateBody';

export function markTruncated(res: Response): void {
  res.locals[TRUNCATE] = true;
}

export function sendGraph(res: Response, status: number, body: unknown): void {
  let text = JSON.stringify(body);
  if (res.locals[TRUNCATE]) text = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
  res.status(status).setHeader('content-type', 'application/json; charset=UTF-8');
  res.end(text);
}

/** Graph's error body; 190 and 104 also carry the WWW-Authenticate header Graph sends. */
export function sendGraphError(res: Response, failure: GraphFailure): void {
  const trace = fbtraceId();
  res.setHeader('x-fb-trace-id', trace);
  if (failure.error.code === 190 || failure.error.code === 104) {
    res.setHeader(
      'www-authenticate',
      `OAuth "Facebook Platform" "invalid_token" "${failure.error.message.replace(/"/g, "'")}"`,
    );
  }
  sendGraph(res, failure.status, { error: { ...failure.error, fbtrace_id: trace } });
}

/**
 * X-App-Usage and X-Business-Use-Case-Usage (reference §8), from the meters or forced to 100 when a fault
 * plays a rate limit. UNCONFIRMED: the simulator reports the business use case as type "pages" for every call.
 */
export function setUsageHeaders(
  res: Response,
  state: FacebookState,
  force: { app?: boolean; page?: boolean } = {},
): void {
  const app = usageNumbers(force.app ? Math.max(100, state.appUsage.level()) : state.appUsage.level());
  const pageLevel = force.page ? Math.max(100, state.pageUsage.level()) : state.pageUsage.level();
  const regain = force.page
    ? Math.max(1, state.pageUsage.minutesToRegain())
    : state.pageUsage.minutesToRegain();
  const page = usageNumbers(pageLevel);
  res.setHeader('x-app-usage', JSON.stringify(app));
  res.setHeader(
    'x-business-use-case-usage',
    JSON.stringify({
      [state.page.id]: [
        {
          type: 'pages',
          call_count: page.call_count,
          total_cputime: page.total_cputime,
          total_time: page.total_time,
          estimated_time_to_regain_access: regain,
        },
      ],
    }),
  );
}

/** Which usage header a rate-limit code belongs to: 4 is the app's, the others the Page's. */
export function usageForcedBy(code: number): { app?: boolean; page?: boolean } {
  if (!RATE_LIMIT_CODES.has(code)) return {};
  return code === 4 ? { app: true } : { page: true };
}

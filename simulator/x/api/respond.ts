import type { Response } from 'express';
import type { RateLimitStatus } from '../rateLimits';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Set by a `malformed` fault: the answer keeps its status and headers but its JSON is cut in half. */
const TRUNCATE = 'simTruncateBody';

export function markTruncated(res: Response): void {
  res.locals[TRUNCATE] = true;
}

export function setRateLimitHeaders(res: Response, status: RateLimitStatus): void {
  res.setHeader('x-rate-limit-limit', String(status.limit));
  res.setHeader('x-rate-limit-remaining', String(status.remaining));
  res.setHeader('x-rate-limit-reset', String(status.reset));
  // UNCONFIRMED: which endpoints also send the 24-hour user headers; sent here for day-long windows (POST /2/tweets).
  if (status.windowMs >= DAY_MS) {
    res.setHeader('x-user-limit-24hour-limit', String(status.limit));
    res.setHeader('x-user-limit-24hour-remaining', String(status.remaining));
    res.setHeader('x-user-limit-24hour-reset', String(status.reset));
  }
}

/** Per-app day limits (reference section 4), sent beside the per-user window on the endpoints that have one. */
export function setAppLimitHeaders(res: Response, status: RateLimitStatus): void {
  res.setHeader('x-app-limit-24hour-limit', String(status.limit));
  res.setHeader('x-app-limit-24hour-remaining', String(status.remaining));
  res.setHeader('x-app-limit-24hour-reset', String(status.reset));
}

export function sendData(res: Response, status: number, body: unknown): void {
  write(res, status, body, 'application/json; charset=utf-8');
}

// UNCONFIRMED: X is believed to send problems as application/problem+json; twitter-api-v2 parses both types.
export function sendProblem(res: Response, status: number, body: unknown): void {
  write(res, status, body, 'application/problem+json');
}

function write(res: Response, status: number, body: unknown, contentType: string): void {
  let text = JSON.stringify(body);
  if (res.locals[TRUNCATE]) text = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
  res.status(status).setHeader('content-type', contentType);
  res.end(text);
}

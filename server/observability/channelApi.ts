import { channelApiCalls } from './metrics';

export type Platform = 'x' | 'facebook';

/** One platform API call for `caredesk_channel_api_calls_total`. */
export function recordChannelApiCall(
  platform: Platform,
  account: string,
  endpoint: string,
  status: string | number,
): void {
  channelApiCalls.inc({ platform, account, endpoint, status: String(status) });
}

/**
 * The status label of a failed X call from twitter-api-v2's error: the HTTP code when X answered,
 * `malformed` for a body it could not read, otherwise `network` (timeout, refused, reset).
 */
export function xFailureStatus(error: unknown): string {
  const e = error as { code?: unknown; type?: unknown } | null;
  if (typeof e?.code === 'number' && e.code >= 100 && e.code < 600) return String(e.code);
  // twitter-api-v2's ApiPartialResponseError: X answered, but the body was cut or not JSON.
  if (e?.type === 'partial-response') return 'malformed';
  return 'network';
}

/**
 * A Graph path as a metric label: ids (anything with a digit) become `:id`, so
 * `/v25.0/1234_5678/comments` is `/:id/comments`.
 */
export function graphEndpointLabel(method: string, url: URL): string {
  const segments = url.pathname
    .split('/')
    .filter(Boolean)
    .filter((s, i) => !(i === 0 && /^v\d+\.\d+$/.test(s)))
    .map((s) => (/\d/.test(s) ? ':id' : s));
  return `${method} /${segments.join('/')}`;
}

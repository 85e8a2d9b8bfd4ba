import {
  ChannelAuthError,
  type ChannelError,
  ChannelRateLimitError,
  ChannelRejectedError,
  ChannelUnavailableError,
} from '../errors';

/** Graph error body (channel-apis.md §7). Decide on `error.code`, never on the HTTP status. */
export interface GraphErrorBody {
  error?: {
    message?: string;
    type?: string;
    code?: number;
    error_subcode?: number;
    error_user_title?: string;
    error_user_msg?: string;
    fbtrace_id?: string;
  };
}

const RATE_LIMIT_CODES = new Set([4, 17, 32, 613, 80001, 80006]);
const DEFAULT_RATE_WAIT_MS = 10 * 60_000;

export function graphErrorFrom(status: number, body: unknown, regainMs: number | null): ChannelError {
  const error = (body as GraphErrorBody | null)?.error;
  const details = { status, body };
  if (!error || typeof error.code !== 'number') {
    return new ChannelUnavailableError(`Facebook answered ${status} without an error body`, details);
  }
  const text = error.error_user_msg || error.message || `Graph error ${error.code}`;
  const code = error.code;
  // 190: invalid/expired/revoked token (all subcodes); 104: no token at all.
  if (code === 190 || code === 104)
    return new ChannelAuthError(`Facebook rejected the page token: ${text}`, details);
  if (RATE_LIMIT_CODES.has(code)) {
    return new ChannelRateLimitError(
      `Facebook rate limit (#${code}): ${text}`,
      regainMs ?? DEFAULT_RATE_WAIT_MS,
      details,
    );
  }
  if (code === 10900)
    return new ChannelRejectedError(`Already answered privately: ${text}`, 'duplicate', details);
  // Only 100/33 means the object is gone; other 100s are bad parameters (e.g. a cursor too deep).
  if ((code === 100 && error.error_subcode === 33) || code === 551) {
    return new ChannelRejectedError(`Facebook: ${text}`, 'target_gone', details);
  }
  if (
    code === 368 ||
    code === 10903 ||
    code === 10 ||
    code === 10904 ||
    code === 506 ||
    (code >= 200 && code <= 299)
  ) {
    return new ChannelRejectedError(
      `Facebook refused (#${code}${error.error_subcode ? `/${error.error_subcode}` : ''}): ${text}`,
      'forbidden',
      details,
    );
  }
  if (code === 1 || code === 2 || status >= 500)
    return new ChannelUnavailableError(`Facebook is unavailable (#${code}): ${text}`, details);
  return new ChannelRejectedError(`Facebook refused (#${code}): ${text}`, 'invalid', details);
}

import { ApiPartialResponseError, ApiRequestError, ApiResponseError } from 'twitter-api-v2';
import {
  ChannelAuthError,
  ChannelError,
  ChannelRateLimitError,
  ChannelRejectedError,
  ChannelUnavailableError,
} from '../errors';

/** Text of an X problem body: `detail`, or the first `errors[].message`, or the title. */
function problemText(data: unknown): string {
  if (data && typeof data === 'object') {
    const body = data as { detail?: unknown; title?: unknown; errors?: Array<{ message?: unknown }> };
    if (
      typeof body.detail === 'string' &&
      body.detail !== 'One or more parameters to your request was invalid.'
    ) {
      return body.detail;
    }
    const first = body.errors?.[0]?.message;
    if (typeof first === 'string') return first;
    if (typeof body.detail === 'string') return body.detail;
    if (typeof body.title === 'string') return body.title;
  }
  return 'Unknown error';
}

/**
 * Errors of a media upload (initialize, append, finalize, STATUS). Nothing was posted when one fails, so
 * a lost upload id (404) is worth a retry, which uploads afresh; a refused image is refused for good.
 */
export function toUploadError(error: unknown, now: () => number = Date.now): unknown {
  const mapped = toChannelError(error, now);
  if (mapped instanceof ChannelRejectedError) {
    if (mapped.reason === 'target_gone') {
      return new ChannelUnavailableError(`X lost the uploaded image: ${mapped.message}`, mapped.details);
    }
    const hint = mapped.reason === 'forbidden' ? ' (the token may lack the media.write scope)' : '';
    return new ChannelRejectedError(
      `X refused the image${hint}: ${mapped.message}`,
      mapped.reason === 'forbidden' ? 'forbidden' : 'invalid',
      mapped.details,
    );
  }
  if (mapped instanceof ChannelError) return mapped;
  // twitter-api-v2 throws a plain Error when X reports that processing the media failed (its only
  // plain Error in uploadMedia); anything else is an unknown outcome.
  if (error instanceof Error && /^Media processing failed/.test(error.message)) {
    return new ChannelRejectedError(`X could not process the image: ${error.message}`, 'invalid');
  }
  return new ChannelUnavailableError(
    `X media upload failed: ${error instanceof Error ? error.message : String(error)}`,
  );
}

/**
 * Maps twitter-api-v2 errors to channel errors; decides on status and body, never on our own text.
 * `now` is injectable so the rate-limit wait is testable.
 */
export function toChannelError(error: unknown, now: () => number = Date.now): ChannelError | unknown {
  if (error instanceof ApiResponseError) {
    const status = error.code;
    const details = { status, body: error.data };
    const text = problemText(error.data);
    if (status === 401) return new ChannelAuthError(`X rejected the token: ${text}`, details);
    if (status === 429 || error.rateLimitError) {
      const resetMs = (error.rateLimit?.reset ?? 0) * 1000;
      const retryAfterMs = Math.max(1000, resetMs - now());
      return new ChannelRateLimitError(`X rate limit reached: ${text}`, retryAfterMs, details);
    }
    if (status === 403 && /duplicate content/i.test(text)) {
      return new ChannelRejectedError(`X refused a duplicate post: ${text}`, 'duplicate', details);
    }
    // v1.1 code 385 wording; the v2 wording is UNCONFIRMED (channel-apis.md §3), so match loosely.
    if (status === 403 && /deleted|not visible/i.test(text)) {
      return new ChannelRejectedError(`The customer's post is gone: ${text}`, 'target_gone', details);
    }
    if (status === 403) return new ChannelRejectedError(`X refused: ${text}`, 'forbidden', details);
    if (status === 400) return new ChannelRejectedError(`X refused the request: ${text}`, 'invalid', details);
    if (status === 404) return new ChannelRejectedError(`X: not found: ${text}`, 'target_gone', details);
    return new ChannelUnavailableError(`X answered ${status}: ${text}`, details);
  }
  if (error instanceof ApiPartialResponseError) {
    return new ChannelUnavailableError(`X sent a malformed response: ${error.message}`, {
      body: error.rawContent,
    });
  }
  if (error instanceof ApiRequestError) {
    return new ChannelUnavailableError(`X request failed: ${error.requestError?.message ?? error.message}`);
  }
  return error;
}

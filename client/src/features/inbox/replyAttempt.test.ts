import type { MessageChannel } from '../../../../common/types';
import { ApiError } from '../../api/ApiError';
import {
  attemptFor,
  needsTakeover,
  replyRequest,
  unresolvedAfterFailure,
  withTakeover,
} from './replyAttempt';

let counter = 0;
const newKey = () => `key-${++counter}`;
const draft = (conversationId: string, text: string, channel: MessageChannel = 'public') => ({
  conversationId,
  channel,
  text,
});

describe('reply idempotency keys', () => {
  it('gives every new send a fresh key', () => {
    const first = attemptFor(null, draft('c1', 'Hello'), newKey);
    const second = attemptFor(null, draft('c1', 'Hello'), newKey);
    expect(first.idempotencyKey).not.toBe(second.idempotencyKey);
  });

  it('reuses the key when the same text is sent again after a network error', () => {
    const attempt = attemptFor(null, draft('c1', 'Hello'), newKey);
    const unresolved = unresolvedAfterFailure(attempt, new ApiError(0, 'network_error', 'Failed to fetch'));
    expect(attemptFor(unresolved, draft('c1', 'Hello'), newKey).idempotencyKey).toBe(attempt.idempotencyKey);
  });

  it('reuses the key after a 5xx, whose outcome is unknown too', () => {
    const attempt = attemptFor(null, draft('c1', 'Hello'), newKey);
    const unresolved = unresolvedAfterFailure(attempt, new ApiError(503, 'unavailable', 'Try later'));
    expect(unresolved).toBe(attempt);
  });

  it('uses a new key once the text was edited or for another conversation', () => {
    const attempt = attemptFor(null, draft('c1', 'Hello'), newKey);
    const unresolved = unresolvedAfterFailure(attempt, new ApiError(0, 'network_error', 'offline'));
    expect(attemptFor(unresolved, draft('c1', 'Hello!'), newKey).idempotencyKey).not.toBe(
      attempt.idempotencyKey,
    );
    expect(attemptFor(unresolved, draft('c2', 'Hello'), newKey).idempotencyKey).not.toBe(
      attempt.idempotencyKey,
    );
  });

  it('uses a new key when the same text goes out on the other channel', () => {
    const attempt = attemptFor(null, draft('c1', 'Hello'), newKey);
    const unresolved = unresolvedAfterFailure(attempt, new ApiError(0, 'network_error', 'offline'));
    const asDm = attemptFor(unresolved, draft('c1', 'Hello', 'dm'), newKey);
    expect(asDm.idempotencyKey).not.toBe(attempt.idempotencyKey);
    expect(asDm.channel).toBe('dm');
  });

  it('forgets the attempt when the server clearly refused it', () => {
    const attempt = attemptFor(null, draft('c1', 'Hello'), newKey);
    expect(unresolvedAfterFailure(attempt, new ApiError(422, 'too_long', 'Too long'))).toBeNull();
  });
});

describe('takeover', () => {
  it('recognises the 409 for a conversation assigned to a colleague, and nothing else', () => {
    const message = 'Anna Berger is assigned to this conversation; reply anyway to take it over';
    expect(needsTakeover(new ApiError(409, 'assigned_to_other', message))).toBe(true);
    expect(needsTakeover(new ApiError(409, 'idempotency_key_reused', 'Used'))).toBe(false);
    expect(needsTakeover(new ApiError(422, 'assigned_to_other', 'Odd'))).toBe(false);
    expect(needsTakeover(new Error('assigned_to_other'))).toBe(false);
  });

  it('resends the very same request, same idempotency key, with takeover', () => {
    const attempt = attemptFor(null, draft('c1', 'Hello', 'dm'), newKey);
    expect(replyRequest(attempt)).toEqual({
      text: 'Hello',
      channel: 'dm',
      idempotencyKey: attempt.idempotencyKey,
    });
    expect(replyRequest(withTakeover(attempt))).toEqual({
      text: 'Hello',
      channel: 'dm',
      idempotencyKey: attempt.idempotencyKey,
      takeover: true,
    });
  });

  it('keeps the takeover when a confirmed resend is retried after a network error', () => {
    const confirmed = withTakeover(attemptFor(null, draft('c1', 'Hello'), newKey));
    const unresolved = unresolvedAfterFailure(confirmed, new ApiError(0, 'network_error', 'offline'));
    expect(replyRequest(attemptFor(unresolved, draft('c1', 'Hello'), newKey)).takeover).toBe(true);
  });
});

import type { MessageChannel } from '../../../../common/types';
import { ApiError } from '../../api/ApiError';
import { attemptFor, unresolvedAfterFailure } from './replyAttempt';

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

import { newerConversation, upsertMessage } from './conversationCache';
import { makeDetail, makeMessage } from './testFixtures';

describe('upsertMessage', () => {
  const inbound = makeMessage();
  const cached = { conversation: makeDetail([inbound]) };

  it('appends a new outbound reply at the end of the thread', () => {
    const reply = makeMessage({ id: 'm2', direction: 'outbound', deliveryState: 'queued', externalId: null });
    const next = upsertMessage(cached, reply);
    expect(next?.conversation.messages.map((m) => m.id)).toEqual(['m1', 'm2']);
  });

  it('replaces an existing copy in place, e.g. failed -> queued after a retry', () => {
    const failed = makeMessage({ id: 'm2', direction: 'outbound', deliveryState: 'failed' });
    const withFailed = upsertMessage(cached, failed);
    const requeued = { ...failed, deliveryState: 'queued' as const };
    const next = upsertMessage(withFailed, requeued);
    expect(next?.conversation.messages).toHaveLength(2);
    expect(next?.conversation.messages[1]?.deliveryState).toBe('queued');
  });

  it('leaves the cache alone when empty or for another conversation', () => {
    expect(upsertMessage(undefined, inbound)).toBeUndefined();
    const other = makeMessage({ id: 'm9', conversationId: 'c2' });
    expect(upsertMessage(cached, other)).toBe(cached);
  });
});

describe('newerConversation', () => {
  it('takes the server’s answer over the cached copy', () => {
    const cached = { conversation: makeDetail([], { version: 3, priority: 'normal' }) };
    const answer = { conversation: makeDetail([], { version: 4, priority: 'urgent' }) };
    expect(newerConversation(cached, answer)).toBe(answer);
  });

  it('keeps a newer cached copy when an older answer arrives late', () => {
    const cached = { conversation: makeDetail([], { version: 5, tags: ['vip', 'refund'] }) };
    const late = { conversation: makeDetail([], { version: 4, tags: ['vip'] }) };
    expect(newerConversation(cached, late)).toBe(cached);
  });
});

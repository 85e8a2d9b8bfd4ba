import type { NotificationChangedEvent } from '../../../common/types';
import { affectsViewCounts, parseRealtimeEvent, queryKeysForEvent } from './realtimeEvent';

describe('parseRealtimeEvent', () => {
  it('accepts the documented event shapes', () => {
    const event = { type: 'message.updated', conversationId: 'c1', messageId: 'm1' };
    expect(parseRealtimeEvent(event)).toEqual(event);
  });

  it('drops unknown types and payloads without a conversation id', () => {
    expect(parseRealtimeEvent({ type: 'user.deleted', conversationId: 'c1' })).toBeNull();
    expect(parseRealtimeEvent({ type: 'conversation.created', version: 1 })).toBeNull();
    expect(parseRealtimeEvent('conversation.created')).toBeNull();
    expect(parseRealtimeEvent(null)).toBeNull();
  });

  it('accepts an SLA breach, which refreshes the lists and the conversation (and its activity)', () => {
    const event = {
      type: 'sla.breached',
      conversationId: 'c7',
      version: 4,
      target: 'first',
      dueAt: '2026-11-23T08:00:00.000Z',
    };
    expect(parseRealtimeEvent(event)).toEqual(event);
    expect(queryKeysForEvent(parseRealtimeEvent(event)!)).toContainEqual(['conversations', 'detail', 'c7']);
    expect(affectsViewCounts(parseRealtimeEvent(event)!)).toBe(true);
  });

  it('accepts account events, which carry an account id instead of a conversation id', () => {
    const event = { type: 'account.updated', channelAccountId: 'a1' };
    expect(parseRealtimeEvent(event)).toEqual(event);
    expect(parseRealtimeEvent({ type: 'account.updated', conversationId: 'c1' })).toBeNull();
    expect(parseRealtimeEvent({ type: 'account.updated', channelAccountId: '' })).toBeNull();
  });
});

describe('queryKeysForEvent', () => {
  it('refreshes every list, the affected conversation and the open customer profile', () => {
    const keys = queryKeysForEvent({ type: 'conversation.created', conversationId: 'c9', version: 1 });
    expect(keys).toEqual([['conversations', 'list'], ['conversations', 'detail', 'c9'], ['contacts']]);
  });

  it('refreshes only the channel accounts on an account event', () => {
    expect(queryKeysForEvent({ type: 'account.updated', channelAccountId: 'a1' })).toEqual([
      ['channel-accounts'],
    ]);
  });
});

describe('affectsViewCounts', () => {
  it('recounts the views after conversation and message events, not after account events', () => {
    expect(affectsViewCounts({ type: 'conversation.updated', conversationId: 'c1', version: 2 })).toBe(true);
    expect(affectsViewCounts({ type: 'message.created', conversationId: 'c1', messageId: 'm1' })).toBe(true);
    expect(affectsViewCounts({ type: 'account.updated', channelAccountId: 'a1' })).toBe(false);
  });
});

describe('notification events', () => {
  const created: NotificationChangedEvent = {
    type: 'notification.created',
    userId: 'u2',
    notificationIds: ['n1'],
  };

  it('are accepted with a user id and a list of ids, and dropped otherwise', () => {
    expect(parseRealtimeEvent(created)).toEqual(created);
    expect(
      parseRealtimeEvent({ type: 'notification.read', userId: 'u2', notificationIds: [] }),
    ).not.toBeNull();
    expect(parseRealtimeEvent({ type: 'notification.created', userId: '', notificationIds: [] })).toBeNull();
    expect(parseRealtimeEvent({ type: 'notification.created', userId: 'u2' })).toBeNull();
  });

  it('refresh the bell only, and never recount the views', () => {
    expect(queryKeysForEvent(created)).toEqual([['notifications']]);
    expect(affectsViewCounts(created)).toBe(false);
  });
});

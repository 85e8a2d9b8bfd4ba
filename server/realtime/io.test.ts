import { ALL_ACCOUNTS_ROOM, accountRoom, INBOX_ROOM, roomsFor, userRoom } from './io';

describe('roomsFor', () => {
  it('sends notifications to their addressee only', () => {
    expect(roomsFor({ type: 'notification.created', userId: 'u2', notificationIds: ['n1'] })).toEqual([
      'user:u2',
    ]);
    expect(roomsFor({ type: 'notification.read', userId: 'u2', notificationIds: [] })).toEqual([
      userRoom('u2'),
    ]);
  });
  it('sends a channel account’s events to its room and to leads and admins, never to everyone', () => {
    const event = {
      type: 'message.created',
      conversationId: 'c1',
      messageId: 'm1',
      channelAccountId: 'a1',
    } as const;
    expect(roomsFor(event)).toEqual([accountRoom('a1'), ALL_ACCOUNTS_ROOM]);
    expect(roomsFor({ type: 'account.updated', channelAccountId: 'a1' })).toEqual([
      'account:a1',
      ALL_ACCOUNTS_ROOM,
    ]);
    // Account unknown (no stamp): only those who see every account.
    expect(roomsFor({ type: 'conversation.updated', conversationId: 'c1', version: 2 })).toEqual([
      ALL_ACCOUNTS_ROOM,
    ]);
  });
  it('sends presence without a conversation to everyone', () => {
    const presence = {
      tabId: 't',
      userId: 'u',
      name: 'A',
      initials: 'A',
      conversationId: null,
      typing: false,
      online: true,
      updatedAt: '2026-01-01T00:00:00Z',
    };
    expect(roomsFor({ type: 'presence.changed', presence })).toEqual([INBOX_ROOM]);
  });
});

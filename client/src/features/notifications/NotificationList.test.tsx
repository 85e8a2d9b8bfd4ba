import type { NotificationDto, NotificationListResponse } from '../../../../common/types';
import { queryKeys } from '../../api/queryKeys';
import { renderStatic } from '../../testing/renderStatic';
import { NotificationBell } from './NotificationBell';
import { NotificationList } from './NotificationList';
import { markReadLocally } from './notificationQueries';

const now = Date.parse('2026-01-07T12:00:00Z');

function makeNotification(overrides: Partial<NotificationDto> = {}): NotificationDto {
  return {
    id: 'n1',
    kind: 'mention',
    conversationId: 'c1',
    actorName: 'Anna Berger',
    contactName: 'Jane Doe',
    contactHandle: 'jane',
    excerpt: 'Bitte prüfen @BO <b>VIP</b>',
    createdAt: '2026-01-07T11:55:00Z',
    readAt: null,
    ...overrides,
  };
}

const list = (items: NotificationDto[], unreadCount: number): NotificationListResponse => ({
  items,
  unreadCount,
});

describe('NotificationList', () => {
  it('says who mentioned you in which conversation, with the excerpt as text, unread first marked', () => {
    const html = renderStatic(
      <NotificationList
        items={[
          makeNotification(),
          makeNotification({ id: 'n0', readAt: '2026-01-07T11:58:00Z', actorName: null }),
        ]}
        now={now}
        onOpen={() => undefined}
      />,
    );
    expect(html).toMatch(
      /data-notification-id="n1" data-unread="true" class="notification notification--unread">.*Unread: .*Anna Berger mentioned you in Jane Doe: /,
    );
    expect(html).toContain('Bitte prüfen @BO &lt;b&gt;VIP&lt;/b&gt;');
    expect(html).toMatch(
      /data-notification-id="n0" data-unread="false" class="notification">.*A colleague mentioned you/,
    );
    expect(html).toContain('5 minutes ago');
  });

  it('speaks German', () => {
    const html = renderStatic(
      <NotificationList items={[makeNotification()]} now={now} onOpen={() => undefined} />,
      'de',
    );
    expect(html).toContain('Anna Berger hat Sie bei Jane Doe erwähnt: ');
  });
});

describe('NotificationBell', () => {
  it('shows the unread count on a labelled button that opens a dialog', () => {
    const html = renderStatic(<NotificationBell />, 'en', (client) =>
      client.setQueryData(queryKeys.notifications(), list([makeNotification()], 3)),
    );
    expect(html).toMatch(
      /data-testid="notification-bell" data-unread="3"[^>]*aria-haspopup="dialog" aria-expanded="false"/,
    );
    expect(html).toContain('3 unread notifications');
    expect(html).toMatch(/data-testid="notification-count"[^>]*>3</);
  });

  it('shows no count when everything is read', () => {
    const html = renderStatic(<NotificationBell />, 'en', (client) =>
      client.setQueryData(queryKeys.notifications(), list([], 0)),
    );
    expect(html).not.toContain('notification-count');
    expect(html).toContain('>Notifications<');
  });
});

describe('markReadLocally', () => {
  const two = list([makeNotification(), makeNotification({ id: 'n2' })], 5);

  it('marks the given unread notifications and lowers the count by as many', () => {
    const after = markReadLocally(two, { ids: ['n2', 'unknown'] }, '2026-01-07T12:00:00Z');
    expect(after.items.map((n) => n.readAt)).toEqual([null, '2026-01-07T12:00:00Z']);
    expect(after.unreadCount).toBe(4);
  });

  it('marks everything on "all", and never counts an already read one twice', () => {
    expect(markReadLocally(two, { all: true }, 'x').unreadCount).toBe(0);
    const once = markReadLocally(two, { ids: ['n1'] }, 'x');
    expect(markReadLocally(once, { ids: ['n1'] }, 'y').unreadCount).toBe(4);
  });
});

import type { ConversationEventDto, NotificationDto } from '../../../../common/types';
import { renderStatic } from '../../testing/renderStatic';
import { createTestI18n } from '../../testing/testI18n';
import { describeActivity } from '../inbox/activityText';
import { NotificationList } from '../notifications/NotificationList';

const context = { locale: 'en', customerName: 'Jane Doe', userName: () => null };
const event = (type: string, data: Record<string, unknown>): ConversationEventDto => ({
  id: '1',
  type,
  actorName: 'Lea Schmidt',
  actorKind: 'user',
  data,
  createdAt: '2026-01-07T11:55:00Z',
});

describe('approval activity and notifications', () => {
  const t = createTestI18n('en').t;

  it('describes every step of the approval trail', () => {
    expect(describeActivity(t, event('reply.drafted', { messageId: 'd1' }), context)).toBe(
      'Lea Schmidt wrote a draft for approval',
    );
    expect(describeActivity(t, event('reply.approved', { edited: false }), context)).toBe(
      'Lea Schmidt approved the draft',
    );
    expect(describeActivity(t, event('reply.approved', { edited: true }), context)).toBe(
      'Lea Schmidt edited and approved the draft',
    );
    expect(describeActivity(t, event('reply.rejected', { reason: 'Zu knapp' }), context)).toBe(
      'Lea Schmidt rejected the draft: Zu knapp',
    );
  });

  it('tells the author who approved or rejected their reply, with the reason', () => {
    const base: NotificationDto = {
      id: 'n1',
      kind: 'approval',
      conversationId: 'c1',
      actorName: 'Anna Berger',
      contactName: 'Jane Doe',
      contactHandle: 'jane',
      excerpt: 'Bitte Router neu starten',
      createdAt: '2026-01-07T11:55:00Z',
      readAt: null,
      approval: { outcome: 'rejected', reason: 'Bitte freundlicher' },
    };
    const html = renderStatic(
      <NotificationList
        items={[base, { ...base, id: 'n2', approval: { outcome: 'approved', reason: null } }]}
        now={Date.parse('2026-01-07T12:00:00Z')}
        onOpen={() => undefined}
      />,
    );
    expect(html).toContain('Anna Berger rejected your reply to Jane Doe');
    expect(html).toContain('Bitte freundlicher');
    expect(html).toContain('Anna Berger approved your reply to Jane Doe');
  });
});

import type { ConversationEventDto } from '../../../../common/types';
import { createTestI18n } from '../../testing/testI18n';
import { type ActivityContext, describeActivity } from './activityText';

const event = (
  type: string,
  data: Record<string, unknown> = {},
  actor = 'Anna Berger',
): ConversationEventDto => ({
  id: `e-${type}`,
  type,
  actorName: actor,
  actorKind: 'user',
  data,
  createdAt: '2026-01-07T10:00:00Z',
});

const names: Record<string, string> = { u1: 'Anna Berger', u2: 'Ben Ott' };
const context: ActivityContext = {
  locale: 'en',
  customerName: 'Jane Doe',
  userName: (id) => names[id] ?? null,
};

function describe_(language: 'en' | 'de', e: ConversationEventDto): string {
  return describeActivity(createTestI18n(language).t, e, { ...context, locale: language });
}

describe('describeActivity', () => {
  it('names who did what for workflow changes, with translated statuses and priorities', () => {
    expect(describe_('en', event('conversation.status_changed', { from: 'open', to: 'resolved' }))).toBe(
      'Anna Berger changed the status from Open to Resolved',
    );
    expect(describe_('de', event('conversation.status_changed', { from: 'open', to: 'resolved' }))).toBe(
      'Anna Berger hat den Status von Offen auf Erledigt geändert',
    );
    expect(describe_('en', event('conversation.priority_changed', { from: 'normal', to: 'urgent' }))).toBe(
      'Anna Berger changed the priority from Normal to Urgent',
    );
  });

  it('says who got the conversation, and from whom it was taken over', () => {
    expect(
      describe_('en', event('conversation.assigned', { from: null, to: 'u2', assigneeName: 'Ben Ott' })),
    ).toBe('Anna Berger assigned the conversation to Ben Ott');
    expect(describe_('de', event('conversation.assigned', { to: 'u2' }))).toBe(
      'Anna Berger hat die Konversation Ben Ott zugewiesen',
    );
    expect(describe_('en', event('conversation.takeover', { from: 'u2', to: 'u1' }))).toBe(
      'Anna Berger replied and took the conversation over from Ben Ott',
    );
    expect(describe_('en', event('conversation.takeover', { from: 'u9' }))).toBe(
      'Anna Berger replied and took the conversation over',
    );
  });

  it('says which routing rule applied and when a conversation went back to the queue', () => {
    const system = (type: string, data: Record<string, unknown>) => ({
      ...event(type, data),
      actorName: null,
      actorKind: 'system' as const,
    });
    expect(describe_('en', system('conversation.routed', { ruleName: 'Outage DE' }))).toBe(
      'Routing rule "Outage DE" applied',
    );
    expect(describe_('de', system('conversation.routed', { ruleName: 'Outage DE' }))).toBe(
      'Routing-Regel „Outage DE“ angewendet',
    );
    expect(describe_('en', system('conversation.returned_to_queue', { from: 'u1' }))).toBe(
      'Returned to the queue: the assignee was away or offline too long',
    );
    expect(describe_('en', system('conversation.assigned', { to: 'u2', auto: true }))).toBe(
      'Caredesk assigned the conversation to Ben Ott',
    );
  });

  it('names the customer for what the customer did', () => {
    const created = { ...event('conversation.created'), actorName: null, actorKind: 'customer' as const };
    expect(describe_('en', created)).toBe('Jane Doe started the conversation');
    expect(describe_('de', created)).toBe('Jane Doe hat die Konversation begonnen');
  });

  it('describes tags, snoozes, notes with mentions and failed replies', () => {
    expect(describe_('en', event('conversation.tags_changed', { from: [], to: ['refund', 'vip'] }))).toBe(
      'Anna Berger set the tags to refund, vip',
    );
    expect(describe_('en', event('conversation.tags_changed', { from: ['vip'], to: [] }))).toBe(
      'Anna Berger removed all tags',
    );
    expect(describe_('en', event('conversation.snoozed', { until: '2026-01-08T09:00:00Z' }))).toMatch(
      /^Anna Berger snoozed the conversation until .*Jan/,
    );
    expect(describe_('en', event('note.created', { mentioned: ['u2'] }))).toBe(
      'Anna Berger added an internal note mentioning Ben Ott',
    );
    const failed = {
      ...event('reply.failed', { reason: 'X refused: duplicate' }),
      actorKind: 'system' as const,
    };
    expect(describe_('de', { ...failed, actorName: null })).toBe(
      'Eine Antwort konnte nicht zugestellt werden: X refused: duplicate',
    );
  });

  it('tells a platform-side hide from an agent’s', () => {
    const platform = {
      ...event('message.hidden', { source: 'platform' }, ''),
      actorName: null,
      actorKind: 'system' as const,
    };
    expect(describe_('en', platform)).toBe('A comment was hidden on the platform');
    expect(describe_('en', event('message.hidden'))).toBe('Anna Berger hid a comment');
  });

  it('still says something for event types it does not know', () => {
    expect(describe_('en', event('conversation.merged'))).toBe('Anna Berger: conversation.merged');
  });
  it('says which response target was missed and when it was due', () => {
    const breach = {
      ...event('sla.breached', { target: 'next', dueAt: '2026-01-07T10:30:00Z', minutes: 120 }, ''),
      actorKind: 'system' as const,
      actorName: null,
    };
    expect(describe_('en', breach)).toMatch(/^The next-response target was missed \(due .+\)$/);
    expect(describe_('de', breach)).toMatch(
      /^Das Ziel für die nächste Antwort wurde verfehlt \(fällig .+\)$/,
    );
  });
});

import type { UserDto } from '../../../../common/types';
import { queryKeys } from '../../api/queryKeys';
import { renderStatic } from '../../testing/renderStatic';
import { type ActionMenu, ConversationActions, ConversationToolbar } from './ConversationActions';
import { makeDetail } from './testFixtures';
import { useConversationWorkflow } from './workflowQueries';

const anna: UserDto = {
  id: 'u1',
  email: 'anna@example.com',
  name: 'Anna Berger',
  initials: 'AB',
  role: 'agent',
  locale: 'en',
  timeZone: 'Europe/Berlin',
};
const ben: UserDto = {
  id: 'u2',
  email: 'ben@example.com',
  name: 'Ben Ott',
  initials: 'BO',
  role: 'lead',
  locale: 'de',
  timeZone: 'Europe/Berlin',
};
const now = Date.parse('2026-01-07T12:00:00Z');

function Header({ detail, menu }: { detail: ReturnType<typeof makeDetail>; menu: ActionMenu | null }) {
  const workflow = useConversationWorkflow(detail.id);
  return (
    <>
      <ConversationActions
        conversation={detail}
        user={anna}
        workflow={workflow}
        menu={menu}
        onMenuChange={() => undefined}
        now={now}
      />
      <ConversationToolbar conversation={detail} workflow={workflow} now={now} />
    </>
  );
}

function render(
  overrides: Parameters<typeof makeDetail>[1],
  menu: ActionMenu | null = null,
  language: 'en' | 'de' = 'en',
) {
  return renderStatic(<Header detail={makeDetail([], overrides)} menu={menu} />, language, (client) =>
    client.setQueryData(queryKeys.users(), { users: [anna, ben] }),
  );
}

describe('ConversationActions', () => {
  it('offers Claim, Assign, Snooze, Pending and Resolve on an open, unassigned conversation', () => {
    const html = render({ status: 'open' });
    for (const id of ['action-claim', 'action-assign', 'action-snooze', 'action-pending', 'resolve-button']) {
      expect(html).toContain(`data-testid="${id}"`);
    }
    expect(html).not.toContain('action-reopen');
    expect(html).not.toContain('role="menu"');
  });

  it('hides Claim once the conversation is mine, and offers Reopen when resolved or pending', () => {
    const mine = render({ assigneeId: 'u1', assigneeName: 'Anna Berger', status: 'resolved' });
    expect(mine).not.toContain('action-claim');
    expect(mine).toContain('data-testid="action-reopen"');
    expect(mine).toMatch(/data-testid="resolve-button"[^>]*disabled=""[^>]*>Resolved</);
    expect(render({ status: 'pending' })).toContain('data-testid="action-reopen"');
    expect(render({ assigneeId: 'u2', assigneeName: 'Ben Ott' })).toContain('data-testid="action-claim"');
  });

  it('lists colleagues to assign to, the assignee checked, and Unassign', () => {
    const html = render({ assigneeId: 'u2', assigneeName: 'Ben Ott' }, 'assign');
    expect(html).toMatch(/data-testid="action-assign"[^>]*aria-expanded="true"/);
    expect(html).toMatch(
      /data-user-id="u1"[^>]*role="menuitemradio" aria-checked="false"[^>]*>.*?Anna Berger \(you\)/,
    );
    expect(html).toMatch(/data-user-id="u2"[^>]*aria-checked="true"/);
    expect(html).toMatch(/data-testid="assign-none"[^>]*>Unassign</);
    expect(render({}, 'assign')).toMatch(/data-testid="assign-none"[^>]*disabled=""/);
  });

  it('offers the four snooze times, and Unsnooze only while snoozed', () => {
    const html = render({}, 'snooze');
    const presets = [...html.matchAll(/data-snooze="([a-z0-9]+)"/g)].map((match) => match[1]);
    expect(presets).toEqual(['1h', '4h', 'tomorrow', 'monday']);
    expect(html).toContain('Next Monday 9:00');
    expect(html).not.toContain('snooze-clear');
    expect(render({ snoozedUntil: '2026-01-08T09:00:00Z' }, 'snooze')).toContain(
      'data-testid="snooze-clear"',
    );
  });

  it('shows priority, tags and the snooze in the toolbar, in German too', () => {
    const html = render(
      { priority: 'urgent', tags: ['refund'], snoozedUntil: '2026-01-08T09:00:00Z' },
      null,
      'de',
    );
    expect(html).toMatch(/<option value="urgent" selected="">Dringend<\/option>/);
    expect(html).toMatch(/data-testid="tag-chip" data-tag="refund"/);
    expect(html).toContain('aria-label="Tag refund entfernen"');
    expect(html).toMatch(/data-testid="action-tags"[^>]*placeholder="Tag hinzufügen…"/);
    expect(html).toMatch(/data-testid="conversation-snoozed"[^>]*>Zurückgestellt bis /);
  });
});

import { renderStatic } from '../../testing/renderStatic';
import { ConversationRow } from './ConversationRow';
import { makeSummary } from './testFixtures';

const now = Date.parse('2026-01-07T12:00:00Z');

function render(overrides: Parameters<typeof makeSummary>[0], cursor = false) {
  return renderStatic(
    <ConversationRow
      conversation={makeSummary(overrides)}
      selected={false}
      cursor={cursor}
      now={now}
      onSelect={() => undefined}
    />,
  );
}

describe('ConversationRow', () => {
  it('shows the tags as chips, as text', () => {
    const html = render({ tags: ['refund', '<b>vip</b>'] });
    expect(html.match(/data-testid="row-tag"/g)).toHaveLength(2);
    expect(html).toContain('>refund<');
    expect(html).toContain('&lt;b&gt;vip&lt;/b&gt;');
  });

  it('shows until when a conversation is snoozed, but not once the snooze ran out', () => {
    expect(render({ snoozedUntil: '2026-01-08T09:00:00Z' })).toMatch(
      /data-testid="row-snoozed"[^>]*>Snoozed until /,
    );
    expect(render({ snoozedUntil: '2026-01-07T11:00:00Z' })).not.toContain('row-snoozed');
  });

  it('marks the row the keyboard highlight is on', () => {
    expect(render({}, true)).toMatch(/data-cursor="true"[^>]*class="row row--cursor"/);
    expect(render({})).not.toContain('data-cursor');
  });
});

import type { InboxView } from '../../../../common/types';
import { queryKeys } from '../../api/queryKeys';
import { renderStatic } from '../../testing/renderStatic';
import { ViewList } from './ViewList';

const counts: Record<InboxView, number> = {
  unassigned: 3,
  teams: 0,
  mine: 1,
  open: 12,
  pending: 2,
  snoozed: 0,
  resolved: 140,
  all: 157,
};

describe('ViewList', () => {
  it('lists every view in order with its count, the chosen one selected', () => {
    const html = renderStatic(<ViewList value="open" onChange={() => undefined} />, 'en', (client) =>
      client.setQueryData(queryKeys.viewCounts(), { counts }),
    );
    const order = [...html.matchAll(/data-testid="view-([a-z]+)"/g)].map((match) => match[1]);
    expect(order).toEqual(['unassigned', 'mine', 'teams', 'open', 'pending', 'snoozed', 'resolved', 'all']);
    expect(html).toMatch(/data-testid="view-mine" data-count="1"[^>]*aria-selected="false"/);
    expect(html).toMatch(/data-testid="view-open" data-count="12"[^>]*aria-selected="true"/);
    expect(html).toMatch(/data-testid="view-snoozed" data-count="0"/);
    expect(html).toContain('title="12 conversations"');
    expect(html).toContain('title="1 conversation"');
  });

  it('leaves counts out until they are loaded, and speaks German', () => {
    const html = renderStatic(<ViewList value="mine" onChange={() => undefined} />, 'de');
    expect(html).not.toContain('data-count');
    expect(html).toContain('>Meine<');
    expect(html).toContain('>Zurückgestellt<');
  });
});

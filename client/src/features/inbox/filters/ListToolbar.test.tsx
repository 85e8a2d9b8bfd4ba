/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { renderDom } from '../../../testing/renderDom';
import type { ListQuery } from '../listQuery';
import { ListToolbar } from './ListToolbar';

function Harness({ onQuery }: { onQuery: (q: ListQuery) => void }) {
  const [query, setQuery] = useState<ListQuery>({ view: 'open', sort: 'waiting', filters: {} });
  return (
    <ListToolbar
      query={query}
      onChange={(next) => {
        setQuery(next);
        onQuery(next);
      }}
    />
  );
}

describe('ListToolbar', () => {
  beforeEach(() => {
    global.fetch = jest.fn(async (url: string) => ({
      ok: true,
      status: 200,
      statusText: 'OK',
      text: async () =>
        url.startsWith('/api/saved-filters')
          ? JSON.stringify({
              items: [
                {
                  id: 'f1',
                  name: 'Breached on X',
                  view: 'open',
                  sort: 'sla',
                  filters: { platform: 'x', sla: 'breached' },
                  count: 4,
                },
              ],
            })
          : JSON.stringify({ items: [] }),
    })) as unknown as typeof fetch;
  });

  it('changes the order and the filters, counts active filters and clears them', async () => {
    const user = userEvent.setup();
    const onQuery = jest.fn();
    renderDom(<Harness onQuery={onQuery} />);
    await user.selectOptions(screen.getByLabelText('Sort'), 'sla');
    expect(onQuery).toHaveBeenLastCalledWith({ view: 'open', sort: 'sla', filters: {} });

    await user.click(screen.getByTestId('filters-toggle'));
    const panel = screen.getByTestId('filter-panel');
    await user.selectOptions(within(panel).getByLabelText('Priority'), 'urgent');
    await user.type(within(panel).getByLabelText('Waiting longer than (min)'), '30');
    expect(onQuery).toHaveBeenLastCalledWith({
      view: 'open',
      sort: 'sla',
      filters: { priority: 'urgent', waitingMinutes: 30 },
    });
    expect(screen.getByTestId('filters-toggle')).toHaveTextContent('2 filters');
    expect(screen.getByTestId('filters-toggle')).toHaveAttribute('aria-expanded', 'true');

    await user.click(screen.getByTestId('filters-clear'));
    expect(onQuery).toHaveBeenLastCalledWith({ view: 'open', sort: 'sla', filters: {} });
  });

  it('applies a saved filter with its view, order and filters, showing its live count', async () => {
    const user = userEvent.setup();
    const onQuery = jest.fn();
    renderDom(<Harness onQuery={onQuery} />);
    const saved = await screen.findByTestId('saved-filter');
    expect(saved).toHaveTextContent('Breached on X4');
    await user.click(saved);
    expect(onQuery).toHaveBeenLastCalledWith({
      view: 'open',
      sort: 'sla',
      filters: { platform: 'x', sla: 'breached' },
    });
    expect(screen.getByRole('button', { name: 'Delete saved filter “Breached on X”' })).toBeInTheDocument();
  });
});

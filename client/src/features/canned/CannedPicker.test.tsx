import type { CannedResponseDto } from '../../../../common/types';
import { renderStatic } from '../../testing/renderStatic';
import { CannedPicker } from './CannedPicker';
import { cannedKeyAction, isCannedShortcut } from './cannedKeys';
import type { CannedPickerState } from './useCannedPicker';

const canned = (shortcut: string, title: string, body: string): CannedResponseDto => ({
  id: `id-${shortcut}`,
  shortcut,
  title,
  body,
  language: 'de',
  teamId: null,
  createdBy: null,
  createdAt: '2026-11-21T00:00:00.000Z',
  updatedAt: '2026-11-21T00:00:00.000Z',
});

const refund = canned(
  'refund',
  'Refund on the way',
  'Hi {{customer.name}}, your refund is on its way. ^{{agent.initials}}',
);
const odd = canned('odd', 'Odd one', 'Order {{order.id}} for {{customer.handle}}');

function state(overrides: Partial<CannedPickerState> = {}): CannedPickerState {
  return {
    open: true,
    search: null,
    query: 'r',
    matches: [refund, odd],
    active: 0,
    loading: false,
    values: {
      customer: { name: 'Jana Kühn', handle: 'jana_k' },
      agent: { name: 'Anna Berger', initials: 'AB' },
    },
    setQuery: () => undefined,
    move: () => undefined,
    close: () => undefined,
    ...overrides,
  };
}

const render = (s: CannedPickerState, manage = false, language: 'en' | 'de' = 'en') =>
  renderStatic(
    <CannedPicker
      id="cp"
      state={s}
      onPick={() => undefined}
      onSearchKey={() => false}
      onManage={manage ? () => undefined : undefined}
    />,
    language,
  );

describe('CannedPicker', () => {
  it('lists matches as options with the text as it will be inserted for this customer', () => {
    const html = render(state());
    expect(html).toMatch(
      /data-testid="canned-option" data-shortcut="refund" role="option"[^>]*aria-selected="true"/,
    );
    expect(html).toMatch(/data-shortcut="odd" role="option"[^>]*aria-selected="false"/);
    expect(html).toContain(';refund');
    expect(html).toContain('Hi Jana Kühn, your refund is on its way. ^AB');
    expect(html).not.toContain('{{customer.name}}');
  });

  it('marks the highlighted option when the agent moves down', () => {
    expect(render(state({ active: 1 }))).toMatch(
      /data-shortcut="odd" role="option"[^>]*aria-selected="true"/,
    );
  });

  it('warns about unknown placeholders instead of hiding them', () => {
    const html = render(state());
    expect(html).toContain('Order {{order.id}} for @jana_k');
    expect(html).toMatch(
      /data-testid="canned-unknown"[^>]*>Unknown placeholder left as written: \{\{order\.id\}\}/,
    );
  });

  it('has a search box only when opened by button or Ctrl+Space, and a manage link only for leads', () => {
    expect(render(state())).not.toContain('canned-search');
    expect(render(state())).not.toContain('canned-manage');
    const html = render(state({ search: { query: 'ref', range: { from: 0, to: 0 } } }), true);
    expect(html).toMatch(/data-testid="canned-search"[^>]*role="combobox"[^>]*aria-activedescendant="cp-0"/);
    expect(html).toContain('value="ref"');
    expect(html).toContain('data-testid="canned-manage"');
  });

  it('says when nothing matches, in German too', () => {
    expect(render(state({ matches: [], query: 'xyz' }))).toContain('No canned response matches “xyz”.');
    expect(render(state({ matches: [], query: 'xyz' }), false, 'de')).toContain(
      'Kein Textbaustein passt zu „xyz“.',
    );
  });

  it('renders nothing while closed', () => {
    expect(render(state({ open: false }))).toBe('');
  });
});

describe('picker keys', () => {
  const press = (
    key: string,
    mods: Partial<{ ctrlKey: boolean; metaKey: boolean; isComposing: boolean }> = {},
  ) => ({
    key,
    ctrlKey: false,
    metaKey: false,
    ...mods,
  });

  it('arrows move, Enter and Tab insert, Escape closes', () => {
    expect(cannedKeyAction(press('ArrowDown'))).toBe('next');
    expect(cannedKeyAction(press('ArrowUp'))).toBe('previous');
    expect(cannedKeyAction(press('Enter'))).toBe('pick');
    expect(cannedKeyAction(press('Tab'))).toBe('pick');
    expect(cannedKeyAction(press('Escape'))).toBe('close');
    expect(cannedKeyAction(press('a'))).toBeNull();
  });

  it('leaves Ctrl+Enter to sending and input methods alone', () => {
    expect(cannedKeyAction(press('Enter', { ctrlKey: true }))).toBeNull();
    expect(cannedKeyAction(press('Enter', { isComposing: true }))).toBeNull();
  });

  it('opens with Ctrl+Space only', () => {
    expect(isCannedShortcut(press(' ', { ctrlKey: true }))).toBe(true);
    expect(isCannedShortcut(press(' '))).toBe(false);
    expect(isCannedShortcut(press(' ', { metaKey: true }))).toBe(false);
  });
});

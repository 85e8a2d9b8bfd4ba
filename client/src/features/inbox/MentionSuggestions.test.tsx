import type { UserDto } from '../../../../common/types';
import { renderStatic } from '../../testing/renderStatic';
import { MentionList, type MentionState } from './MentionSuggestions';

const ben: UserDto = {
  id: 'u2',
  email: 'ben@example.com',
  name: 'Ben <Ott>',
  initials: 'BO',
  role: 'agent',
  locale: 'en',
  timeZone: 'Europe/Berlin',
};

const state = (open: boolean): MentionState => ({
  mention: { start: 0, query: 'b' },
  suggestions: [ben],
  open,
  active: 0,
  move: () => undefined,
  dismiss: () => undefined,
});

describe('MentionList', () => {
  it('offers colleagues as options, names as text', () => {
    const html = renderStatic(<MentionList id="m" state={state(true)} onPick={() => undefined} />);
    expect(html).toMatch(
      /data-testid="mention-option" data-user-id="u2" role="option"[^>]*aria-selected="true"/,
    );
    expect(html).toContain('Ben &lt;Ott&gt;');
    expect(html).toContain('@BO');
  });

  it('renders nothing while closed', () => {
    expect(renderStatic(<MentionList id="m" state={state(false)} onPick={() => undefined} />)).toBe('');
  });
});

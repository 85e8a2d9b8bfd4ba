/** @jest-environment jsdom */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { UserDto } from '../../../../common/types';
import type { PresenceReporter } from '../../realtime/presenceReporter';
import { RealtimeProvider } from '../../realtime/RealtimeContext';
import { renderDom } from '../../testing/renderDom';
import { Composer } from '../inbox/Composer';
import { makeOption, makeSummary } from '../inbox/testFixtures';

const gina: UserDto = {
  id: 'u-gina',
  email: 'gina@example.com',
  name: 'Gina Rossi',
  initials: 'GR',
  role: 'guide',
  locale: 'en',
  timeZone: 'Europe/Berlin',
  requiresApproval: true,
};

function setup(user: UserDto, language: 'en' | 'de' = 'en') {
  const reporter: PresenceReporter = {
    setConversation: jest.fn(),
    keystroke: jest.fn(),
    stopTyping: jest.fn(),
    resend: jest.fn(),
    dispose: jest.fn(),
  };
  const fetchMock = jest.fn(async (_url: string, init?: RequestInit) =>
    init?.method === 'GET'
      ? { ok: true, status: 200, statusText: 'OK', text: async () => '{"items":[]}' }
      : { ok: true, status: 202, statusText: 'Accepted', text: async () => '{}' },
  );
  global.fetch = fetchMock as unknown as typeof fetch;
  renderDom(
    <RealtimeProvider value={{ status: 'live', reporter }}>
      <Composer
        conversation={makeSummary()}
        user={user}
        replyOptions={[makeOption('public')]}
        defaultKind="public"
        colleaguesReplying={[]}
      />
    </RealtimeProvider>,
    language,
  );
  return { sends: () => fetchMock.mock.calls.filter(([, init]) => init?.method === 'POST') };
}

describe('Composer for someone who needs approval', () => {
  beforeEach(() => localStorage.clear());

  it('reads "Submit for approval", says an approver signs it, and submits to the replies endpoint', async () => {
    const user = userEvent.setup();
    const { sends } = setup(gina);
    const button = screen.getByTestId('composer-send');
    expect(button).toHaveTextContent('Submit for approval');
    expect(screen.getByTestId('composer-approval-hint')).toHaveTextContent(
      'An agent or lead approves your reply before it is posted',
    );
    expect(screen.getByTestId('composer-preview')).toHaveTextContent('Signed by the approver');
    expect(screen.getByTestId('composer-preview')).not.toHaveTextContent('^GR');
    await user.type(screen.getByTestId('composer-input'), 'Hallo');
    await user.click(button);
    await waitFor(() => expect(sends()).toHaveLength(1));
    expect(String(sends()[0]?.[0])).toBe(`/api/conversations/${makeSummary().id}/replies`);
  });

  it('keeps "Send" for agents, and says "Zur Freigabe einreichen" in German', () => {
    setup({ ...gina, role: 'agent', requiresApproval: false });
    expect(screen.getByTestId('composer-send')).toHaveTextContent('Send');
    expect(screen.queryByTestId('composer-approval-hint')).toBeNull();
    document.body.innerHTML = '';
    setup(gina, 'de');
    expect(screen.getByTestId('composer-send')).toHaveTextContent('Zur Freigabe einreichen');
  });
});

/** @jest-environment jsdom */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { UserDto } from '../../../../common/types';
import type { PresenceReporter } from '../../realtime/presenceReporter';
import { RealtimeProvider } from '../../realtime/RealtimeContext';
import { renderDom } from '../../testing/renderDom';
import { Composer } from './Composer';
import { makeOption, makeSummary } from './testFixtures';

const anna: UserDto = {
  id: 'u1',
  email: 'anna@example.com',
  name: 'Anna',
  initials: 'AB',
  role: 'agent',
  locale: 'en',
  timeZone: 'Europe/Berlin',
};
const ben = { userId: 'u2', name: 'Ben Okafor', initials: 'BO', typing: true };

function setup(colleaguesReplying = [ben]) {
  const reporter: PresenceReporter = {
    setConversation: jest.fn(),
    keystroke: jest.fn(),
    stopTyping: jest.fn(),
    resend: jest.fn(),
    dispose: jest.fn(),
  };
  // jsdom has no Response; apiRequest only reads ok, status and text(). The composer also loads canned
  // responses (GET); only POSTs are sends.
  const fetchMock = jest.fn(async (_url: string, init?: RequestInit) =>
    init?.method === 'GET'
      ? { ok: true, status: 200, statusText: 'OK', text: async () => '{"items":[]}' }
      : { ok: true, status: 201, statusText: 'Created', text: async () => '{}' },
  );
  global.fetch = fetchMock as unknown as typeof fetch;
  renderDom(
    <RealtimeProvider value={{ status: 'live', reporter }}>
      <Composer
        conversation={makeSummary()}
        user={anna}
        replyOptions={[makeOption('public')]}
        defaultKind="public"
        colleaguesReplying={colleaguesReplying}
      />
    </RealtimeProvider>,
  );
  const sends = () => fetchMock.mock.calls.filter(([, init]) => init?.method === 'POST');
  return { reporter, sends };
}

describe('Composer collision guard', () => {
  // Drafts persist in localStorage; each test starts with an empty composer.
  beforeEach(() => localStorage.clear());

  it('reports typing, asks before sending while a colleague replies, and sends only after confirming', async () => {
    const user = userEvent.setup();
    const { reporter, sends } = setup();
    await user.type(screen.getByTestId('composer-input'), 'Hallo');
    expect(reporter.keystroke).toHaveBeenCalledTimes(5);

    await user.click(screen.getByTestId('composer-send'));
    const question = await screen.findByRole('alertdialog');
    expect(question).toHaveTextContent('Ben Okafor is replying right now. Send yours anyway?');
    expect(sends()).toHaveLength(0);
    expect(screen.getByTestId('replying-confirm')).toHaveFocus();

    await user.click(screen.getByTestId('replying-confirm'));
    await waitFor(() => expect(sends()).toHaveLength(1));
    const [url, init] = sends()[0] as unknown as [string, RequestInit];
    expect(url).toBe(`/api/conversations/${makeSummary().id}/replies`);
    expect(JSON.parse(String(init.body))).toMatchObject({ text: 'Hallo', channel: 'public' });
    await waitFor(() => expect(screen.getByTestId('composer-input')).toHaveValue(''));
    expect(reporter.stopTyping).toHaveBeenCalled();
  });

  it('backs out with Escape, keeping the draft and sending nothing', async () => {
    const user = userEvent.setup();
    const { sends } = setup();
    await user.type(screen.getByTestId('composer-input'), 'Moment');
    await user.click(screen.getByTestId('composer-send'));
    await screen.findByRole('alertdialog');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(screen.getByTestId('composer-input')).toHaveValue('Moment');
    expect(sends()).toHaveLength(0);
  });

  it('sends straight away when nobody else is replying', async () => {
    const user = userEvent.setup();
    const { sends } = setup([]);
    await user.type(screen.getByTestId('composer-input'), 'Hi');
    await user.click(screen.getByTestId('composer-send'));
    await waitFor(() => expect(sends()).toHaveLength(1));
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });
});

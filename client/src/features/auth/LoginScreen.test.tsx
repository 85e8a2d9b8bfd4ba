/** @jest-environment jsdom */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderDom } from '../../testing/renderDom';
import { ChangePasswordScreen } from './ChangePasswordScreen';
import { LoginScreen } from './LoginScreen';

type Answer = { status: number; body: unknown };

/** jsdom has no Response; apiRequest only reads ok, status and text(). */
function mockFetch(answer: (url: string, init?: RequestInit) => Answer) {
  const fetchMock = jest.fn(async (url: string, init?: RequestInit) => {
    const { status, body } = answer(url, init);
    return {
      ok: status < 300,
      status,
      statusText: '',
      text: async () => (body === null ? '' : JSON.stringify(body)),
    };
  });
  global.fetch = fetchMock as unknown as typeof fetch;
  return fetchMock;
}

const lockedAnswer = (status: number, code: string): Answer => ({
  status,
  body: { error: { code, message: code } },
});

describe('LoginScreen', () => {
  afterEach(() => {
    window.location.hash = '';
  });

  it('offers "Sign in with SSO" only when the server has OIDC configured', async () => {
    mockFetch(() => ({ status: 200, body: { enabled: true } }));
    renderDom(<LoginScreen />);
    const link = await screen.findByTestId('login-sso');
    expect(link).toHaveAttribute('href', '/api/auth/oidc/start');
    expect(link).toHaveTextContent('Sign in with SSO');
  });

  it('shows no SSO button without OIDC', async () => {
    const fetchMock = mockFetch(() => ({ status: 200, body: { enabled: false } }));
    renderDom(<LoginScreen />, 'de');
    await waitFor(() => expect(fetchMock).toHaveBeenCalled());
    expect(screen.queryByTestId('login-sso')).toBeNull();
  });

  it.each([
    [423, 'account_locked', 'Too many failed sign-ins for this account. Try again later.'],
    [429, 'too_many_attempts', 'Too many failed sign-ins from this network. Try again later.'],
  ])('explains a %i lockout', async (status, code, text) => {
    mockFetch((url) =>
      url.includes('/oidc/') ? { status: 200, body: { enabled: false } } : lockedAnswer(status, code),
    );
    renderDom(<LoginScreen />);
    await userEvent.type(screen.getByTestId('login-email'), 'anna@example.com');
    await userEvent.type(screen.getByTestId('login-password'), 'secret');
    await userEvent.click(screen.getByTestId('login-submit'));
    expect(await screen.findByTestId('login-error')).toHaveTextContent(text);
  });

  it('says why an SSO sign-in was refused (in German too)', async () => {
    mockFetch(() => ({ status: 200, body: { enabled: true } }));
    window.location.hash = '#/login?sso=no_account';
    renderDom(<LoginScreen />, 'de');
    expect(await screen.findByTestId('login-error')).toHaveTextContent(
      'Für Ihre E-Mail-Adresse gibt es kein aktives Caredesk-Konto.',
    );
  });
});

describe('ChangePasswordScreen', () => {
  it('sends the temporary and the new password and names a wrong temporary one', async () => {
    const fetchMock = mockFetch(() => ({
      status: 400,
      body: { error: { code: 'wrong_password', message: 'x', field: 'currentPassword' } },
    }));
    renderDom(<ChangePasswordScreen />);
    const submit = screen.getByTestId('password-submit');
    await userEvent.type(screen.getByTestId('password-current'), 'temp');
    await userEvent.type(screen.getByTestId('password-new'), 'too short');
    expect(submit).toBeDisabled();
    await userEvent.type(screen.getByTestId('password-new'), ' but now long');
    await userEvent.click(submit);
    expect(await screen.findByTestId('password-error')).toHaveTextContent('The temporary password is wrong.');
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/me/password');
    expect(JSON.parse(init!.body as string)).toEqual({
      currentPassword: 'temp',
      newPassword: 'too short but now long',
    });
  });
});

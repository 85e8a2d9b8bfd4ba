import { DEFAULT_BEARER_TOKEN } from '../../simulator/options';
import { simPost } from '../helpers/sim';
import { FB_TEST, type Stack, startStack, waitFor } from '../helpers/stack';

/**
 * Issue 7 point 8 (with the matrix, CSRF, session fixation and IDOR checks in
 * authorizationMatrix.test.ts): brute force, tokens at rest read straight from the database, and
 * secrets absent from everything the server logs at its most verbose level.
 */
describe('security suite', () => {
  let stack: Stack;
  const logLines: string[] = [];
  const cookieTokens: string[] = [];

  beforeAll(async () => {
    stack = await startStack({
      queue: 'postgres',
      pollEveryMs: 500,
      facebook: true,
      logSink: { level: 'trace', write: (line: string) => void logLines.push(line) },
    });
  });
  afterAll(async () => {
    await stack?.close();
  });

  const login = (email: string, password: string) =>
    fetch(`${stack.web.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-caredesk-request': '1' },
      body: JSON.stringify({ email, password }),
    });

  it('never opens a session for repeated wrong passwords, answers them like an unknown email, then locks', async () => {
    const answers = new Set<string>();
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await login('ben@demo.caredesk', `guess-${i}`);
      statuses.push(res.status);
      expect(res.headers.get('set-cookie')).toBeNull();
      if (res.status === 401) answers.add(await res.text());
    }
    // Five wrong guesses, then the account is locked for a while (423 with Retry-After).
    expect(statuses).toEqual([401, 401, 401, 401, 401, 423, 423, 423]);
    const unknown = await login('nobody@demo.caredesk', 'guess');
    expect(unknown.status).toBe(401);
    answers.add(await unknown.text());
    expect(answers.size).toBe(1);
  });

  it('keeps a locked account locked even for the right password, and says when to retry', async () => {
    const res = await login('ben@demo.caredesk', 'caredesk-demo');
    expect(res.status).toBe(423);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('stores channel tokens and session tokens only in a form useless to a database thief', async () => {
    for (const email of ['admin@demo.caredesk', 'anna@demo.caredesk']) {
      const cookie = await stack.login(email);
      cookieTokens.push(decodeURIComponent(cookie.split('=')[1] ?? ''));
    }
    const accounts = await stack.core.db('channel_accounts').select('*');
    expect(accounts.length).toBeGreaterThanOrEqual(2);
    const accountText = JSON.stringify(accounts);
    for (const token of [DEFAULT_BEARER_TOKEN, FB_TEST.pageToken, FB_TEST.appSecret]) {
      expect(accountText).not.toContain(token);
    }
    for (const a of accounts) expect(a.credentials_encrypted).toBeTruthy();
    const sessions = JSON.stringify(await stack.core.db('sessions').select('*'));
    for (const token of cookieTokens) {
      expect(token.length).toBeGreaterThan(20);
      expect(sessions).not.toContain(token);
    }
    const users = JSON.stringify(await stack.core.db('users').select('*'));
    expect(users).not.toContain('caredesk-demo');
    // Nor does the browser ever get them.
    const api = JSON.stringify(
      (await stack.api(`cd_session=${cookieTokens[0]}`, 'GET', '/api/channel-accounts')).body,
    );
    for (const token of [DEFAULT_BEARER_TOKEN, FB_TEST.pageToken]) expect(api).not.toContain(token);
  });

  it('logs no password, session token, channel token or app secret, even at trace level', async () => {
    const admin = await stack.login('admin@demo.caredesk');
    cookieTokens.push(decodeURIComponent(admin.split('=')[1] ?? ''));
    await login('anna@demo.caredesk', 'wrong-password-123');
    // Traffic through every path that talks to the platforms: poll, ingest, reply.
    await simPost(stack.sim, { username: 'log_customer', text: `@${stack.brand.username} Hallo` });
    const conversation = await waitFor(
      async () =>
        (
          (await stack.api(admin, 'GET', '/api/conversations?status=all')).body as {
            items: Array<{ id: string; contact: { handle: string } }>;
          }
        ).items.find((c) => c.contact.handle === 'log_customer'),
      { what: 'the customer conversation' },
    );
    const reply = await stack.api(admin, 'POST', `/api/conversations/${conversation.id}/replies`, {
      text: 'Wir helfen gern',
      idempotencyKey: 'security-suite-reply-1',
    });
    expect(reply.status).toBe(202);
    await waitFor(
      async () => {
        const detail = (await stack.api(admin, 'GET', `/api/conversations/${conversation.id}`)).body as {
          conversation: { messages: Array<{ deliveryState?: string; direction: string }> };
        };
        return detail.conversation.messages.some(
          (m) => m.direction === 'outbound' && m.deliveryState === 'sent',
        );
      },
      { what: 'the reply sent' },
    );
    const text = logLines.join('');
    // The sink really receives the pipeline's logs (workers, outbound delivery).
    expect(text).toContain('workers started');
    expect(text).toContain('reply sent');
    const secrets = [
      'caredesk-demo',
      'wrong-password-123',
      DEFAULT_BEARER_TOKEN,
      FB_TEST.pageToken,
      FB_TEST.appSecret,
      ...cookieTokens,
    ];
    expect(secrets.filter((s) => text.includes(s))).toEqual([]);
  });
});

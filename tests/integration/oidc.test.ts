import net from 'node:net';
import { createOidc } from '../../server/auth/oidc';
import { createLogger } from '../../server/logger';
import { type RunningWeb, startWeb } from '../../server/runtime/web';
import { type RunningOidcProvider, startOidcProvider } from '../helpers/oidcProvider';
import { type Stack, startStack } from '../helpers/stack';

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Minimal cookie jar: one per site, enough for the provider's interaction and session cookies. */
function jar() {
  const cookies = new Map<string, string>();
  return {
    header: () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    store(res: Response) {
      for (const line of res.headers.getSetCookie()) {
        const [pair] = line.split(';');
        const index = pair!.indexOf('=');
        cookies.set(pair!.slice(0, index).trim(), pair!.slice(index + 1).trim());
      }
    },
    get: (name: string) => cookies.get(name),
  };
}

/**
 * Issue 7 point 1, single sign-on: authorization code + PKCE + state + nonce against a real
 * oidc-provider, users matched by verified email, allowed domains, and refusals.
 */
describe('OpenID Connect sign-in', () => {
  let stack: Stack;
  let provider: RunningOidcProvider;
  let web: RunningWeb;

  beforeAll(async () => {
    stack = await startStack({ queue: 'postgres', pollEveryMs: 60_000 });
    await stack.core.db('users').insert({
      email: 'olga@other.example',
      name: 'Olga Other',
      initials: 'OO',
      role: 'agent',
    });
    const port = await freePort();
    const redirectUrl = `http://127.0.0.1:${port}/api/auth/oidc/callback`;
    provider = await startOidcProvider({
      redirectUri: redirectUrl,
      accounts: {
        anna: { email: 'Anna@demo.caredesk', email_verified: true },
        unverified: { email: 'ben@demo.caredesk', email_verified: false },
        olga: { email: 'olga@other.example', email_verified: true },
        stranger: { email: 'stranger@demo.caredesk', email_verified: true },
      },
    });
    const oidc = createOidc(
      {
        issuerUrl: provider.issuer,
        clientId: provider.clientId,
        clientSecret: provider.clientSecret,
        redirectUrl,
        allowedDomains: ['demo.caredesk'],
      },
      stack.core.db,
    );
    web = await startWeb({
      db: stack.core.db,
      queues: stack.core.queues,
      adapters: stack.core.adapters,
      pingQueue: () => stack.core.queues.ping(),
      logger: createLogger('silent'),
      sessionTtlMs: 3600_000,
      secureCookies: false,
      clientDir: null,
      oidc,
      databaseUrl: stack.database.url,
      port,
      host: '127.0.0.1',
    });
  });
  afterAll(async () => {
    await web?.close();
    await provider?.close();
    await stack?.close();
  });

  /** Clicks "Sign in with SSO" and signs in at the provider as `sub`; returns where Caredesk sends the browser. */
  async function signIn(sub: string, tamper?: (callback: URL, app: ReturnType<typeof jar>) => void) {
    const app = jar();
    const idp = jar();
    const start = await fetch(`${web.url}/api/auth/oidc/start`, { redirect: 'manual' });
    expect(start.status).toBe(303);
    app.store(start);
    let location = new URL(start.headers.get('location')!);
    expect(location.origin).toBe(provider.issuer);
    expect(location.searchParams.get('code_challenge_method')).toBe('S256');
    expect(location.searchParams.get('state')).toBeTruthy();
    expect(location.searchParams.get('nonce')).toBeTruthy();
    for (let hop = 0; hop < 10 && location.origin === provider.issuer; hop++) {
      if (location.pathname.startsWith('/interaction/')) location.searchParams.set('login', sub);
      const res = await fetch(location, { redirect: 'manual', headers: { cookie: idp.header() } });
      idp.store(res);
      if (res.status < 300 || res.status >= 400)
        throw new Error(`provider answered ${res.status}: ${await res.text()}`);
      location = new URL(res.headers.get('location')!, location);
    }
    expect(location.href.startsWith(`${web.url}/api/auth/oidc/callback?`)).toBe(true);
    tamper?.(location, app);
    const callback = await fetch(location, { redirect: 'manual', headers: { cookie: app.header() } });
    expect(callback.status).toBe(303);
    app.store(callback);
    return { to: callback.headers.get('location'), session: app.get('cd_session') };
  }

  const me = async (session: string | undefined) =>
    fetch(`${web.url}/api/me`, { headers: { cookie: `cd_session=${session}` } });

  it('says whether SSO is configured (for the login button)', async () => {
    expect(await (await fetch(`${web.url}/api/auth/oidc/config`)).json()).toEqual({ enabled: true });
    expect(await (await fetch(`${stack.web.url}/api/auth/oidc/config`)).json()).toEqual({ enabled: false });
  });

  it('signs in an existing user by verified email with a new session', async () => {
    const { to, session } = await signIn('anna');
    expect(to).toBe('/');
    expect(session).toBeTruthy();
    const res = await me(session);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { user: { email: string } }).user.email).toBe('anna@demo.caredesk');
  });

  it('refuses an unverified email, a domain outside OIDC_ALLOWED_DOMAINS and an unknown user', async () => {
    for (const [sub, reason] of [
      ['unverified', 'email_unverified'],
      ['olga', 'domain_not_allowed'],
      ['stranger', 'no_account'],
    ] as const) {
      const { to, session } = await signIn(sub);
      expect(to).toBe(`/#/login?sso=${reason}`);
      expect(session).toBeUndefined();
    }
  });

  it('sends the browser back to the login screen when the provider cannot be reached', async () => {
    const unreachable = await startWeb({
      db: stack.core.db,
      queues: stack.core.queues,
      adapters: stack.core.adapters,
      pingQueue: () => stack.core.queues.ping(),
      logger: createLogger('silent'),
      sessionTtlMs: 3600_000,
      secureCookies: false,
      clientDir: null,
      oidc: createOidc(
        {
          issuerUrl: `http://127.0.0.1:${await freePort()}`,
          clientId: 'caredesk',
          redirectUrl: 'http://127.0.0.1/cb',
          allowedDomains: [],
        },
        stack.core.db,
      ),
      databaseUrl: stack.database.url,
      port: 0,
      host: '127.0.0.1',
    });
    try {
      const res = await fetch(`${unreachable.url}/api/auth/oidc/start`, { redirect: 'manual' });
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/#/login?sso=provider_error');
    } finally {
      await unreachable.close();
    }
  });

  it('refuses a callback whose state does not match the browser that started the sign-in', async () => {
    const { to, session } = await signIn('anna', (callback) => {
      callback.searchParams.set('state', 'forged-state');
    });
    expect(to).toBe('/#/login?sso=invalid_state');
    expect(session).toBeUndefined();
  });
});

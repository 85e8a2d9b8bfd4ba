import { createApp } from '../../server/app';
import { createLogger } from '../../server/logger';
import { listRoutes } from '../helpers/routes';
import { type Stack, startStack } from '../helpers/stack';

const SOME_UUID = '00000000-0000-4000-8000-000000000000';

/**
 * Every mutating API route of the real app, read from express's router stack (nested routers too), so a
 * route added later is covered without editing this test. Optional routers (channel connection, OIDC)
 * are mounted with stand-in config, as the authorization matrix does.
 */
function mutatingApiRoutes(): { method: string; url: string }[] {
  const quiet = createLogger('silent');
  const app = createApp({
    db: {} as never,
    queues: {} as never,
    adapters: {} as never,
    pingQueue: async () => {},
    logger: quiet,
    sessionTtlMs: 1,
    secureCookies: false,
    channelConnection: {} as never,
    oidc: {} as never,
    clientDir: null,
  });
  return listRoutes(app)
    .filter((r) => r.path.startsWith('/api/') && ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method))
    .map((r) => ({ method: r.method, url: r.path.replace(/:\w+/g, SOME_UUID) }));
}

/** Issue 7 point 3: CSRF, CSP, CORS, body size limits and validation errors naming the field. */
describe('web protections', () => {
  let stack: Stack;
  let admin: string;
  beforeAll(async () => {
    stack = await startStack({ queue: 'postgres', pollEveryMs: 60_000 });
    admin = await stack.login('admin@demo.caredesk');
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('refuses every mutating API route without the X-Caredesk-Request header (403)', async () => {
    const routes = mutatingApiRoutes();
    expect(routes.length).toBeGreaterThan(30);
    expect(routes).toContainEqual({ method: 'POST', url: '/api/auth/login' });
    expect(routes).toContainEqual({ method: 'POST', url: '/api/me/password' });
    const leaks: string[] = [];
    for (const { method, url } of routes) {
      const res = await fetch(`${stack.web.url}${url}`, {
        method,
        headers: { cookie: admin, 'content-type': 'application/json' },
        body: '{}',
      });
      const body = (await res.json()) as { error?: { code?: string } };
      if (res.status !== 403 || body.error?.code !== 'forbidden')
        leaks.push(`${method} ${url} → ${res.status}`);
    }
    expect(leaks).toEqual([]);
    // The header alone is what makes the difference: the same session with it gets past the guard.
    expect((await stack.api(admin, 'PATCH', '/api/me', { locale: 'en' })).status).toBe(200);
  });

  it('sends a strict Content-Security-Policy without inline scripts', async () => {
    for (const url of ['/api/me', '/healthz', '/api/no-such-route']) {
      const res = await fetch(`${stack.web.url}${url}`, { headers: { cookie: admin } });
      const csp = res.headers.get('content-security-policy') ?? '';
      const directives = new Map(
        csp.split(';').map((d) => {
          const [name, ...values] = d.trim().split(/\s+/);
          return [name!, values] as const;
        }),
      );
      expect(directives.get('script-src')).toEqual(["'self'"]);
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
      expect(directives.get('object-src')).toEqual(["'none'"]);
      expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    }
  });

  it('keeps CORS closed: no Access-Control-Allow-Origin for a foreign origin, preflight refused', async () => {
    const simple = await fetch(`${stack.web.url}/api/me`, {
      headers: { cookie: admin, origin: 'https://evil.example' },
    });
    expect(simple.headers.get('access-control-allow-origin')).toBeNull();
    expect(simple.headers.get('access-control-allow-credentials')).toBeNull();
    const preflight = await fetch(`${stack.web.url}/api/me/password`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://evil.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,x-caredesk-request',
      },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.headers.get('access-control-allow-headers')).toBeNull();
    expect(preflight.headers.get('access-control-allow-methods')).toBeNull();
  });

  it('refuses a JSON body over the limit with 413', async () => {
    const res = await stack.api(admin, 'PATCH', '/api/me', { locale: 'en', padding: 'x'.repeat(200_000) });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
  });

  it('answers invalid input with a 400 naming the field', async () => {
    const locale = await stack.api(admin, 'PATCH', '/api/me', { locale: 'fr' });
    expect(locale.status).toBe(400);
    expect(locale.body.error.field).toBe('locale');
    const login = await stack.api('', 'POST', '/api/auth/login', { email: 'a@b.c' });
    expect(login.status).toBe(400);
    expect(login.body.error.field).toBe('password');
    const reset = await stack.api(admin, 'POST', '/api/users/not-a-uuid/password-reset');
    expect(reset.status).toBe(400);
    expect(reset.body.error.field).toBe('id');
  });
});

import { createHash, randomBytes, scryptSync } from 'node:crypto';
import { Redis } from 'ioredis';
import { type Stack, startStack } from '../helpers/stack';
import { testEnv } from '../helpers/testEnv';

const redisUrl = testEnv().redisUrl;
const stores: [string, string | null][] = [
  ['PostgreSQL', null],
  ...(redisUrl ? [['Redis', redisUrl] as [string, string]] : []),
];

/** Issue 7 point 1: argon2id, sessions (timeouts, fixation, logout, deactivation), lockout, password change and reset. */
describe.each(stores)('authentication (sessions in %s)', (_name, sessionsInRedis) => {
  let stack: Stack;
  let redis: Redis | null = null;
  beforeAll(async () => {
    stack = await startStack({
      queue: 'postgres',
      pollEveryMs: 60_000,
      ...(sessionsInRedis ? { sessionsInRedis } : {}),
    });
    if (sessionsInRedis) redis = new Redis(sessionsInRedis);
  });
  afterAll(async () => {
    await redis?.quit();
    await stack?.close();
  });
  const hashOf = (cookie: string) =>
    createHash('sha256')
      .update(decodeURIComponent(cookie.split('=')[1]!))
      .digest('base64url');
  /** Moves a session's last use or its absolute expiry into the past, wherever it is stored. */
  async function age(cookie: string, what: 'idle' | 'expired') {
    if (redis) {
      const [key] = await redis.keys(`*:session:${hashOf(cookie)}`);
      const field = what === 'idle' ? 'lastSeen' : 'expiresAt';
      const when = what === 'idle' ? Date.now() - 31 * 60_000 : Date.now() - 1000;
      await redis.hset(key!, field, String(when));
      return;
    }
    await stack.core
      .db('sessions')
      .where({ id: hashOf(cookie) })
      .update(
        what === 'idle'
          ? { last_seen_at: stack.core.db.raw("now() - interval '31 minutes'") }
          : { expires_at: stack.core.db.raw("now() - interval '1 second'") },
      );
  }
  afterEach(async () => {
    await stack.core.db('login_throttle').delete();
  });

  const login = (email: string, password: string, cookie?: string) =>
    fetch(`${stack.web.url}/api/auth/login`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-caredesk-request': '1',
        ...(cookie ? { cookie } : {}),
      },
      body: JSON.stringify({ email, password }),
    });
  const cookieOf = (res: Response) => res.headers.get('set-cookie')!.split(';')[0]!;
  const me = async (cookie: string) => (await stack.api(cookie, 'GET', '/api/me')).status;
  const userId = async (email: string) =>
    (await stack.core.db('users').where({ email }).first('id')).id as string;

  it('stores argon2id hashes and upgrades a legacy scrypt hash at the next login', async () => {
    const salt = randomBytes(16);
    const hash = scryptSync('caredesk-demo', salt, 32, { N: 16384, r: 8, p: 1, maxmem: 64 << 20 });
    const legacy = ['scrypt', 16384, 8, 1, salt.toString('base64url'), hash.toString('base64url')].join('$');
    await stack.core.db('users').where({ email: 'ben@demo.caredesk' }).update({ password_hash: legacy });
    expect((await login('ben@demo.caredesk', 'caredesk-demo')).status).toBe(200);
    const row = await stack.core.db('users').where({ email: 'ben@demo.caredesk' }).first('password_hash');
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect((await login('ben@demo.caredesk', 'caredesk-demo')).status).toBe(200);
  });

  it('sets an HttpOnly SameSite cookie and issues a new session id at every login (no fixation)', async () => {
    const first = await login('anna@demo.caredesk', 'caredesk-demo');
    const header = first.headers.get('set-cookie')!;
    expect(header).toMatch(/HttpOnly/i);
    expect(header).toMatch(/SameSite=Lax/i);
    const planted = cookieOf(first);
    const second = await login('anna@demo.caredesk', 'caredesk-demo', planted);
    expect(cookieOf(second)).not.toBe(planted);
    expect(await me(planted)).toBe(401);
    expect(await me(cookieOf(second))).toBe(200);
  });

  it('marks the cookie Secure when the request came over TLS (through a proxy on loopback)', async () => {
    const res = await fetch(`${stack.web.url}/api/auth/login`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-caredesk-request': '1',
        'x-forwarded-proto': 'https',
      },
      body: JSON.stringify({ email: 'lea@demo.caredesk', password: 'caredesk-demo' }),
    });
    expect(res.headers.get('set-cookie')).toMatch(/;\s*Secure/i);
    expect((await login('lea@demo.caredesk', 'caredesk-demo')).headers.get('set-cookie')).not.toMatch(
      /Secure/i,
    );
  });

  it('keeps the session in the configured store only (Redis when REDIS_URL is set)', async () => {
    const cookie = await stack.login('lea@demo.caredesk');
    const inPostgres = await stack.core.db('sessions').where({ id: hashOf(cookie) });
    expect(inPostgres).toHaveLength(redis ? 0 : 1);
    if (redis) expect(await redis.keys(`*:session:${hashOf(cookie)}`)).toHaveLength(1);
  });

  it('ends a session after the idle timeout and after the absolute lifetime', async () => {
    const idle = await stack.login('anna@demo.caredesk');
    const old = await stack.login('anna@demo.caredesk');
    expect(await me(idle)).toBe(200);
    expect(await me(old)).toBe(200);
    // Default idle timeout: 30 minutes without a request.
    await age(idle, 'idle');
    await age(old, 'expired');
    expect(await me(idle)).toBe(401);
    expect(await me(old)).toBe(401);
  });

  it('logout ends the session at once and disconnects its socket', async () => {
    const cookie = await stack.login('lea@demo.caredesk');
    const { socket } = await stack.connectSocket(cookie);
    socket.io.opts.reconnection = false;
    const disconnected = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    const res = await stack.api(cookie, 'POST', '/api/auth/logout');
    expect(res.status).toBe(204);
    expect(await me(cookie)).toBe(401);
    expect(await disconnected).toBe('io server disconnect');
  });

  it('deactivating a user ends all their sessions and sockets at once', async () => {
    const a = await stack.login('gina@demo.caredesk');
    const b = await stack.login('gina@demo.caredesk');
    const { socket } = await stack.connectSocket(a);
    socket.io.opts.reconnection = false;
    const disconnected = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    const id = await userId('gina@demo.caredesk');
    await stack.core.db('users').where({ id }).update({ active: false });
    if (!redis) expect(await stack.core.db('sessions').where({ user_id: id })).toHaveLength(0);
    expect(await me(a)).toBe(401);
    expect(await me(b)).toBe(401);
    expect(await disconnected).toBe('io server disconnect');
    await stack.core.db('users').where({ id }).update({ active: true });
    // Reactivation does not bring the old sessions back.
    expect(await me(b)).toBe(401);
  });

  it('locks an account after 5 failures (423, Retry-After), the same for unknown emails', async () => {
    for (const email of ['anna@demo.caredesk', 'nobody@demo.caredesk']) {
      for (let i = 0; i < 5; i++) expect((await login(email, 'wrong password')).status).toBe(401);
      const locked = await login(email, 'caredesk-demo');
      expect(locked.status).toBe(423);
      expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await locked.json()).error.code).toBe('account_locked');
    }
    // Another account from the same address is not locked.
    expect((await login('ben@demo.caredesk', 'caredesk-demo')).status).toBe(200);
  });

  it('refuses an IP address after 20 failures across accounts (429, Retry-After)', async () => {
    for (let i = 0; i < 20; i++) {
      expect((await login(`guess${i}@demo.caredesk`, 'wrong password')).status).toBe(401);
    }
    const refused = await login('ben@demo.caredesk', 'caredesk-demo');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('changes the password with the current one and ends the other sessions', async () => {
    const here = await stack.login('ben@demo.caredesk');
    const elsewhere = await stack.login('ben@demo.caredesk');
    const wrong = await stack.api(here, 'POST', '/api/me/password', {
      currentPassword: 'not it',
      newPassword: 'a much longer new secret',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.field).toBe('currentPassword');
    const short = await stack.api(here, 'POST', '/api/me/password', {
      currentPassword: 'caredesk-demo',
      newPassword: 'short',
    });
    expect(short.status).toBe(400);
    expect(short.body.error.field).toBe('newPassword');
    const ok = await stack.api(here, 'POST', '/api/me/password', {
      currentPassword: 'caredesk-demo',
      newPassword: 'a much longer new secret',
    });
    expect(ok.status).toBe(204);
    expect(await me(here)).toBe(200);
    expect(await me(elsewhere)).toBe(401);
    expect((await login('ben@demo.caredesk', 'caredesk-demo')).status).toBe(401);
    expect((await login('ben@demo.caredesk', 'a much longer new secret')).status).toBe(200);
  });

  it('an admin reset sets a one-time password that must be changed before anything else', async () => {
    const admin = await stack.login('admin@demo.caredesk');
    const agent = await stack.login('anna@demo.caredesk');
    const id = await userId('anna@demo.caredesk');
    expect((await stack.api(agent, 'POST', `/api/users/${id}/password-reset`)).status).toBe(403);
    const reset = await stack.api(admin, 'POST', `/api/users/${id}/password-reset`);
    expect(reset.status).toBe(200);
    const temporary = reset.body.temporaryPassword as string;
    expect(await me(agent)).toBe(401);
    const res = await login('anna@demo.caredesk', temporary);
    expect(res.status).toBe(200);
    const cookie = cookieOf(res);
    await expect(stack.connectSocket(cookie)).rejects.toThrow('password_change_required');
    const blocked = await stack.api(cookie, 'GET', '/api/conversations?status=all');
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.code).toBe('password_change_required');
    const changed = await stack.api(cookie, 'POST', '/api/me/password', {
      currentPassword: temporary,
      newPassword: 'annas own new password',
    });
    expect(changed.status).toBe(204);
    expect((await stack.api(cookie, 'GET', '/api/conversations?status=all')).status).toBe(200);
    expect((await login('anna@demo.caredesk', temporary)).status).toBe(401);
  });
});

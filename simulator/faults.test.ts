import request from 'supertest';
import { createSimulatorApp } from './app';
import { startSimulator } from './server';
import { AUTH, seedPost } from './testHelpers';

const BRAND = 'demo_hilft';
const MENTIONS = 'GET /2/users/:id/mentions';

function setup(options: Parameters<typeof createSimulatorApp>[0] = {}) {
  const { app, state } = createSimulatorApp(options);
  const inject = (endpoint: string, kind: string, count = 1) =>
    request(app).post('/_sim/faults').send({ platform: 'x', endpoint, kind, count });
  return { app, state, inject, mentionsPath: `/2/users/${state.brand.id}/mentions` };
}

describe('fault injection', () => {
  it('429: the next N matching requests are rate limited, then normal service returns', async () => {
    const { app, inject, mentionsPath } = setup();
    expect((await inject(MENTIONS, '429', 2)).status).toBe(201);
    for (let i = 0; i < 2; i++) {
      const res = await request(app).get(mentionsPath).set(AUTH);
      expect(res.status).toBe(429);
      expect(res.body).toEqual({
        title: 'Too Many Requests',
        type: 'about:blank',
        status: 429,
        detail: 'Too Many Requests',
      });
      expect(res.headers['x-rate-limit-remaining']).toBe('0');
      expect(Number(res.headers['x-rate-limit-reset'])).toBeGreaterThan(Date.now() / 1000);
    }
    // Another endpoint is not affected.
    expect((await request(app).get('/2/users/me').set(AUTH)).status).toBe(200);
    expect((await request(app).get(mentionsPath).set(AUTH)).status).toBe(200);
  });

  it('500: answers with the internal-error problem and creates nothing', async () => {
    const { app, state, inject } = setup();
    await inject('POST /2/tweets', '500');
    const res = await request(app).post('/2/tweets').set(AUTH).send({ text: 'hello' });
    expect(res.status).toBe(500);
    expect(res.body).toEqual({
      title: 'Internal Server Error',
      type: 'about:blank',
      status: 500,
      detail: 'Internal Server Error',
    });
    expect(state.stats().brandPostsCreated).toBe(0);
  });

  it('revoke: the token stops working for good, other tokens keep working', async () => {
    const { app, inject } = setup({ bearerTokens: ['sim-x-token', 'second-token'] });
    await inject('GET /2/users/me', 'revoke');
    const revoked = await request(app).get('/2/users/me').set(AUTH);
    expect(revoked.status).toBe(401);
    expect(revoked.body).toEqual({
      detail: 'Unauthorized',
      status: 401,
      title: 'Unauthorized',
      type: 'about:blank',
    });
    expect((await request(app).post('/2/tweets').set(AUTH).send({ text: 'x' })).status).toBe(401);
    expect((await request(app).get('/2/users/me').set({ authorization: 'Bearer second-token' })).status).toBe(
      200,
    );
    await request(app).post('/_sim/reset');
    expect((await request(app).get('/2/users/me').set(AUTH)).status).toBe(200);
  });

  it('drop_then_show: the newest mention is hidden from the next N listings, then appears', async () => {
    const { app, inject, mentionsPath } = setup();
    const older = await seedPost(app, { username: 'lena', text: `@${BRAND} erster` });
    await inject(MENTIONS, 'drop_then_show', 2);
    const late = await seedPost(app, { username: 'jan', text: `@${BRAND} spät sichtbar` });
    const ids = async () =>
      ((await request(app).get(mentionsPath).set(AUTH)).body.data ?? []).map((p: { id: string }) => p.id);
    expect(await ids()).toEqual([older]);
    const newer = await seedPost(app, { username: 'mia', text: `@${BRAND} noch neuer` });
    // A since_id poller now moves past `late` before it ever becomes visible.
    expect(await ids()).toEqual([newer, older]);
    expect(await ids()).toEqual([newer, late, older]);
    expect((await request(app).get('/_sim/faults')).body).toEqual({ data: [] });
  });

  it('lists pending faults and clears them; refuses unknown endpoints and kinds', async () => {
    const { app, inject } = setup();
    await inject('POST /2/tweets', 'timeout', 3);
    const listed = await request(app).get('/_sim/faults');
    expect(listed.body.data).toEqual([
      { id: expect.any(String), platform: 'x', endpoint: 'POST /2/tweets', kind: 'timeout', count: 3 },
    ]);
    expect((await request(app).delete('/_sim/faults')).status).toBe(200);
    expect((await request(app).get('/_sim/faults')).body).toEqual({ data: [] });
    expect((await inject('GET /2/unknown', '500')).status).toBe(400);
    expect((await inject('POST /2/tweets', 'explode')).status).toBe(400);
    expect((await inject('POST /2/tweets', 'drop_then_show')).status).toBe(400);
  });
});

describe('fault injection over a real socket', () => {
  it('malformed: a 2xx whose JSON is cut off (the post is created all the same)', async () => {
    const sim = await startSimulator({ port: 0 });
    try {
      await fetch(`${sim.url}/_sim/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ platform: 'x', endpoint: 'POST /2/tweets', kind: 'malformed', count: 1 }),
      });
      const res = await fetch(`${sim.url}/2/tweets`, {
        method: 'POST',
        headers: { ...AUTH, 'content-type': 'application/json' },
        body: JSON.stringify({ text: 'Wir kümmern uns darum.' }),
      });
      expect(res.status).toBe(201);
      expect(res.headers.get('x-rate-limit-remaining')).toBe('99');
      const text = await res.text();
      expect(() => JSON.parse(text)).toThrow();
      expect(text.startsWith('{"data":{')).toBe(true);
      expect(sim.state.stats().brandPostsCreated).toBe(1);
    } finally {
      await sim.close();
    }
  });

  it('timeout: the request is never answered, nothing is created, and close() does not wait for it', async () => {
    const sim = await startSimulator({ port: 0, timeoutFaultMs: 60_000 });
    await fetch(`${sim.url}/_sim/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ platform: 'x', endpoint: 'POST /2/tweets', kind: 'timeout', count: 1 }),
    });
    const pending = fetch(`${sim.url}/2/tweets`, {
      method: 'POST',
      headers: { ...AUTH, 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'never answered' }),
      signal: AbortSignal.timeout(300),
    });
    await expect(pending).rejects.toThrow();
    expect(sim.state.stats().brandPostsCreated).toBe(0);

    // A second held request is still open when the server closes.
    await fetch(`${sim.url}/_sim/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ platform: 'x', endpoint: 'GET /2/users/me', kind: 'timeout', count: 1 }),
    });
    const held = fetch(`${sim.url}/2/users/me`, { headers: AUTH }).catch((err: unknown) => err);
    await waitFor(() => sim.state.held.size === 1);
    const started = Date.now();
    await sim.close();
    expect(Date.now() - started).toBeLessThan(2000);
    // fetch reports a dropped connection as TypeError('fetch failed').
    expect(await held).toHaveProperty('message', 'fetch failed');
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

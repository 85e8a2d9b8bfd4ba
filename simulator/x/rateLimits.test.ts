import request from 'supertest';
import { createSimulatorApp } from '../app';
import { AUTH, fakeClock } from '../testHelpers';

describe('rate limits', () => {
  it('sends the three headers on every answer and counts down per endpoint', async () => {
    const clock = fakeClock();
    const { app, state } = createSimulatorApp({ now: clock.now });
    const path = `/2/users/${state.brand.id}/mentions`;
    const first = await request(app).get(path).set(AUTH);
    const second = await request(app).get(path).set(AUTH);
    expect(first.headers['x-rate-limit-limit']).toBe('300');
    expect(first.headers['x-rate-limit-remaining']).toBe('299');
    expect(second.headers['x-rate-limit-remaining']).toBe('298');
    expect(first.headers['x-rate-limit-reset']).toBe(String((clock.now() + 15 * 60 * 1000) / 1000));
    const bad = await request(app).get(path).query({ max_results: 1 }).set(AUTH);
    expect(bad.status).toBe(400);
    expect(bad.headers['x-rate-limit-remaining']).toBe('297');
    const me = await request(app).get('/2/users/me').set(AUTH);
    expect(me.headers['x-rate-limit-limit']).toBe('75');
    expect(me.headers['x-rate-limit-remaining']).toBe('74');
  });

  it('answers 429 with remaining 0 once the window is used up, and recovers at reset', async () => {
    const clock = fakeClock();
    const { app, state } = createSimulatorApp({
      now: clock.now,
      rateLimits: { 'GET /2/users/:id/mentions': { limit: 2 } },
    });
    const path = `/2/users/${state.brand.id}/mentions`;
    await request(app).get(path).set(AUTH);
    clock.advance(60_000);
    await request(app).get(path).set(AUTH);
    const limited = await request(app).get(path).set(AUTH);
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({
      title: 'Too Many Requests',
      type: 'about:blank',
      status: 429,
      detail: 'Too Many Requests',
    });
    expect(limited.headers['x-rate-limit-remaining']).toBe('0');
    const reset = Number(limited.headers['x-rate-limit-reset']);
    // The window started with the first request, not the last one.
    expect(reset).toBe((clock.now() - 60_000 + 15 * 60 * 1000) / 1000);
    clock.advance(reset * 1000 - clock.now());
    const again = await request(app).get(path).set(AUTH);
    expect(again.status).toBe(200);
    expect(again.headers['x-rate-limit-remaining']).toBe('1');
  });

  it('limits POST /2/tweets per 24 hours and says so in the 24-hour user headers', async () => {
    const { app } = createSimulatorApp({ rateLimits: { 'POST /2/tweets': { limit: 1 } } });
    const ok = await request(app).post('/2/tweets').set(AUTH).send({ text: 'one' });
    expect(ok.status).toBe(201);
    expect(ok.headers['x-user-limit-24hour-limit']).toBe('1');
    expect(ok.headers['x-user-limit-24hour-remaining']).toBe('0');
    const limited = await request(app).post('/2/tweets').set(AUTH).send({ text: 'two' });
    expect(limited.status).toBe(429);
  });

  it('can be changed through the control API', async () => {
    const { app, state } = createSimulatorApp();
    const set = await request(app).put('/_sim/x/rate-limits').send({ endpoint: 'GET /2/users/me', limit: 1 });
    expect(set.status).toBe(200);
    expect(set.body.data['GET /2/users/me']).toEqual({ limit: 1, windowMs: 15 * 60 * 1000 });
    expect((await request(app).get('/2/users/me').set(AUTH)).status).toBe(200);
    expect((await request(app).get('/2/users/me').set(AUTH)).status).toBe(429);
    // Other endpoints keep their own windows.
    expect((await request(app).get(`/2/users/${state.brand.id}/tweets`).set(AUTH)).status).toBe(200);
    const bad = await request(app).put('/_sim/x/rate-limits').send({ endpoint: 'GET /2/nope', limit: 1 });
    expect(bad.status).toBe(400);
  });

  it('keeps per-app day limits apart, settable with scope app', async () => {
    const { app } = createSimulatorApp();
    const rules = await request(app).get('/_sim/x/rate-limits');
    expect(rules.body.app).toEqual({
      'POST /2/tweets': { limit: 10_000, windowMs: 24 * 60 * 60 * 1000 },
      'POST /2/dm_conversations/with/:participant_id/messages': {
        limit: 1440,
        windowMs: 24 * 60 * 60 * 1000,
      },
    });
    expect(rules.body.data['GET /2/dm_events']).toEqual({ limit: 15, windowMs: 15 * 60 * 1000 });
    const set = await request(app)
      .put('/_sim/x/rate-limits')
      .send({ endpoint: 'POST /2/tweets', limit: 1, scope: 'app' });
    expect(set.body.app['POST /2/tweets'].limit).toBe(1);
    const ok = await request(app).post('/2/tweets').set(AUTH).send({ text: 'one' });
    expect(ok.headers['x-app-limit-24hour-remaining']).toBe('0');
    const limited = await request(app).post('/2/tweets').set(AUTH).send({ text: 'two' });
    expect(limited.status).toBe(429);
    expect(limited.headers['x-rate-limit-remaining']).toBe('98');
  });
});

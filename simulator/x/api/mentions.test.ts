import request from 'supertest';
import { createSimulatorApp } from '../../app';
import { AUTH, fakeClock, seedMentions, seedPost } from '../../testHelpers';

const BRAND = 'demo_hilft';

function setup() {
  const clock = fakeClock();
  const { app, state } = createSimulatorApp({ now: clock.now });
  const mentionsPath = `/2/users/${state.brand.id}/mentions`;
  return { app, state, clock, mentionsPath };
}

describe('authentication', () => {
  it('answers a missing or unknown bearer token with the 401 problem body', async () => {
    const { app, mentionsPath } = setup();
    for (const headers of [
      {},
      { authorization: 'Bearer wrong' },
      { authorization: 'OAuth oauth_token="x"' },
    ]) {
      const res = await request(app).get(mentionsPath).set(headers);
      expect(res.status).toBe(401);
      expect(res.body).toEqual({
        detail: 'Unauthorized',
        status: 401,
        title: 'Unauthorized',
        type: 'about:blank',
      });
      expect(res.headers['x-rate-limit-limit']).toBe('300');
    }
  });

  it('returns the brand for GET /2/users/me', async () => {
    const { app, state } = setup();
    const res = await request(app).get('/2/users/me').set(AUTH);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: { id: state.brand.id, name: 'Demo Hilft', username: BRAND } });
  });
});

describe('GET /2/users/:id/mentions', () => {
  it('lists only posts that mention or answer the brand, newest first, with default fields only', async () => {
    const { app, mentionsPath } = setup();
    const first = await seedPost(app, { username: 'lena', text: `@${BRAND.toUpperCase()} kein Internet` });
    await seedPost(app, { username: 'lena', text: 'nothing to do with the brand' });
    await seedPost(app, { username: 'jan', text: `email@${BRAND}.de is not a mention` });
    const second = await seedPost(app, { username: 'jan', text: `Router kaputt @${BRAND}` });

    const res = await request(app).get(mentionsPath).set(AUTH);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([
      { id: second, text: `Router kaputt @${BRAND}`, edit_history_tweet_ids: [second] },
      { id: first, text: `@${BRAND.toUpperCase()} kein Internet`, edit_history_tweet_ids: [first] },
    ]);
    expect(res.body.meta).toEqual({ newest_id: second, oldest_id: first, result_count: 2 });
    expect(res.body.includes).toBeUndefined();
  });

  it('omits data and the id bounds when there is nothing', async () => {
    const { app, mentionsPath } = setup();
    const res = await request(app).get(mentionsPath).set(AUTH);
    expect(res.body).toEqual({ meta: { result_count: 0 } });
  });

  it('filters with since_id and until_id', async () => {
    const { app, mentionsPath } = setup();
    const ids = await seedMentions(app, BRAND, 5);
    const res = await request(app).get(mentionsPath).query({ since_id: ids[1], until_id: ids[4] }).set(AUTH);
    expect(res.body.data.map((p: { id: string }) => p.id)).toEqual([ids[3], ids[2]]);
  });

  it('refuses max_results outside 5-100 with an invalid-request body naming the parameter', async () => {
    const { app, mentionsPath } = setup();
    for (const value of ['4', '101', 'ten']) {
      const res = await request(app).get(mentionsPath).query({ max_results: value }).set(AUTH);
      expect(res.status).toBe(400);
      expect(res.body).toEqual({
        errors: [
          {
            parameters: { max_results: [value] },
            message: `The \`max_results\` query parameter value [${value}] is not between 5 and 100`,
          },
        ],
        title: 'Invalid Request',
        detail: 'One or more parameters to your request was invalid.',
        type: 'https://api.twitter.com/2/problems/invalid-request',
      });
    }
  });

  it('refuses unknown parameters and unknown field names', async () => {
    const { app, mentionsPath } = setup();
    const res = await request(app)
      .get(mentionsPath)
      .query({ 'tweet.fields': 'created_at,bogus', since: '1' })
      .set(AUTH);
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { parameters: object }) => Object.keys(e.parameters)[0]).sort()).toEqual([
      'since',
      'tweet.fields',
    ]);
  });

  it('pages with opaque next_token until every mention was seen exactly once', async () => {
    const { app, mentionsPath } = setup();
    const ids = await seedMentions(app, BRAND, 23);
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const res = await request(app)
        .get(mentionsPath)
        .query({ max_results: 10, ...(token ? { pagination_token: token } : {}) })
        .set(AUTH);
      expect(res.status).toBe(200);
      seen.push(...res.body.data.map((p: { id: string }) => p.id));
      token = res.body.meta.next_token;
      if (token) expect(ids).not.toContain(token);
      if (pages > 0) expect(res.body.meta.previous_token).toEqual(expect.any(String));
      pages += 1;
    } while (token);
    expect(pages).toBe(3);
    expect(seen).toEqual([...ids].reverse());
  });

  it('goes back a page with previous_token', async () => {
    const { app, mentionsPath } = setup();
    await seedMentions(app, BRAND, 12);
    const first = await request(app).get(mentionsPath).query({ max_results: 5 }).set(AUTH);
    const second = await request(app)
      .get(mentionsPath)
      .query({ max_results: 5, pagination_token: first.body.meta.next_token })
      .set(AUTH);
    const back = await request(app)
      .get(mentionsPath)
      .query({ max_results: 5, pagination_token: second.body.meta.previous_token })
      .set(AUTH);
    expect(back.body.data).toEqual(first.body.data);
  });

  it('answers an unknown pagination token with an invalid request', async () => {
    const { app, mentionsPath } = setup();
    const res = await request(app).get(mentionsPath).query({ pagination_token: 'not-a-token' }).set(AUTH);
    expect(res.status).toBe(400);
    expect(res.body.errors[0].parameters).toEqual({ pagination_token: ['not-a-token'] });
  });

  it('never reaches more than the 800 most recent mentions', async () => {
    const { app, state, mentionsPath } = setup();
    // Seeding through the store keeps this test fast; the control API does the same thing.
    const customer = state.upsertCustomer({ username: 'bulk', name: 'Bulk' });
    const ids: string[] = [];
    for (let i = 0; i < 805; i++) {
      ids.push(state.createPost({ authorId: customer.id, text: `@${BRAND} #${i}` }, 'control').id);
    }
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const res = await request(app)
        .get(mentionsPath)
        .query({ max_results: 100, ...(token ? { pagination_token: token } : {}) })
        .set(AUTH);
      seen.push(...(res.body.data ?? []).map((p: { id: string }) => p.id));
      token = res.body.meta.next_token;
    } while (token);
    expect(seen).toHaveLength(800);
    expect(seen).not.toContain(ids[4]);
    expect(seen).toContain(ids[5]);

    const old = await request(app).get(mentionsPath).query({ until_id: ids[6] }).set(AUTH);
    expect(old.body.data.map((p: { id: string }) => p.id)).toEqual([ids[5]]);
  });

  it('filters by start_time and end_time', async () => {
    const { app, mentionsPath } = setup();
    await seedPost(app, { username: 'a', text: `@${BRAND} old`, createdAt: '2026-01-10T08:00:00Z' });
    const mid = await seedPost(app, {
      username: 'a',
      text: `@${BRAND} mid`,
      createdAt: '2026-01-12T08:00:00Z',
    });
    await seedPost(app, { username: 'a', text: `@${BRAND} new` });
    const res = await request(app)
      .get(mentionsPath)
      .query({ start_time: '2026-01-11T00:00:00Z', end_time: '2026-01-13T00:00:00Z' })
      .set(AUTH);
    expect(res.body.data.map((p: { id: string }) => p.id)).toEqual([mid]);
  });

  it('answers an unknown user id with a 200 carrying only errors', async () => {
    const { app } = setup();
    const res = await request(app).get('/2/users/123/mentions').set(AUTH);
    expect(res.status).toBe(200);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors[0]).toMatchObject({ resource_type: 'user', resource_id: '123' });
  });
});

import request from 'supertest';
import { createSimulatorApp } from '../../app';
import { AUTH, fakeClock, seedPost } from '../../testHelpers';

const BRAND = 'demo_hilft';
const SEARCH = '/2/tweets/search/recent';

function setup() {
  const clock = fakeClock();
  const { app, state } = createSimulatorApp({ now: clock.now });
  const search = (query: Record<string, string | number>) => request(app).get(SEARCH).query(query).set(AUTH);
  return { app, state, clock, search };
}

const ids = (res: request.Response) => (res.body.data ?? []).map((p: { id: string }) => p.id);

describe('GET /2/tweets/search/recent', () => {
  it('finds keyword captures without @mention, newest first, in the mentions response shape', async () => {
    const { app, state, clock, search } = setup();
    const first = await seedPost(app, { username: 'lena', text: 'Telekom Router schon wieder kaputt' });
    await seedPost(app, { username: 'jan', text: 'Vodafone Router läuft' });
    clock.advance(1000);
    const second = await seedPost(app, { username: 'mia', text: `@${BRAND} mein telekom router blinkt` });
    await request(app).post('/2/tweets').set(AUTH).send({ text: 'Telekom Router: Neustart hilft oft' });
    clock.advance(60_000);

    const res = await search({
      query: `telekom router -from:${BRAND} -is:retweet`,
      'tweet.fields': 'author_id,created_at',
      expansions: 'author_id',
    });
    expect(res.status).toBe(200);
    expect(res.headers['x-rate-limit-limit']).toBe('450');
    expect(ids(res)).toEqual([second, first]);
    expect(res.body.data[1]).toEqual({
      id: first,
      text: 'Telekom Router schon wieder kaputt',
      author_id: state.userByUsername('lena')!.id,
      created_at: '2026-01-15T10:00:00.000Z',
      edit_history_tweet_ids: [first],
    });
    expect(res.body.includes.users.map((u: { username: string }) => u.username)).toEqual(['mia', 'lena']);
    expect(res.body.meta).toEqual({ newest_id: second, oldest_id: first, result_count: 2 });
  });

  it('only reaches the last seven days and honours since_id, until_id, start_time and end_time', async () => {
    const { app, clock, search } = setup();
    const old = await seedPost(app, {
      username: 'a',
      text: 'störung berlin',
      createdAt: '2026-01-07T09:00:00Z',
    });
    const a = await seedPost(app, {
      username: 'a',
      text: 'störung hamburg',
      createdAt: '2026-01-12T09:00:00Z',
    });
    const b = await seedPost(app, { username: 'b', text: 'störung köln' });
    clock.advance(60_000);
    expect(ids(await search({ query: 'störung' }))).toEqual([b, a]);
    expect(ids(await search({ query: 'störung', since_id: a }))).toEqual([b]);
    expect(ids(await search({ query: 'störung', until_id: b }))).toEqual([a]);
    expect(ids(await search({ query: 'störung', end_time: '2026-01-13T00:00:00Z' }))).toEqual([a]);
    expect(ids(await search({ query: 'störung', start_time: '2026-01-13T00:00:00Z' }))).toEqual([b]);
    expect(ids(await search({ query: 'störung', since_id: old }))).toEqual([b, a]);

    const tooOld = await search({ query: 'störung', start_time: '2026-01-01T00:00:00Z' });
    expect(tooOld.status).toBe(400);
    expect(tooOld.body.errors[0].parameters).toEqual({ start_time: ['2026-01-01T00:00:00Z'] });
    const tooFresh = await search({ query: 'störung', end_time: new Date(clock.now() - 5000).toISOString() });
    expect(tooFresh.status).toBe(400);
    expect(tooFresh.body.errors[0].message).toMatch(/minimum of 10 seconds prior/);
  });

  it('pages with next_token (not pagination_token) and sends no previous_token', async () => {
    const { app, search } = setup();
    const seeded: string[] = [];
    for (let i = 0; i < 23; i++)
      seeded.push(await seedPost(app, { username: `k${i % 5}`, text: `Hotline ${i}` }));
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const res = await search({ query: 'hotline', ...(token ? { next_token: token } : {}) });
      expect(res.body.meta.previous_token).toBeUndefined();
      seen.push(...ids(res));
      token = res.body.meta.next_token;
    } while (token);
    expect(seen).toEqual([...seeded].reverse());

    const first = await search({ query: 'hotline' });
    const wrongName = await search({ query: 'hotline', pagination_token: first.body.meta.next_token });
    expect(wrongName.status).toBe(400);
    expect(wrongName.body.errors[0].message).toMatch(
      /^The query parameter \[pagination_token\] is not one of/,
    );
    const badToken = await search({ query: 'hotline', next_token: 'nonsense' });
    expect(badToken.status).toBe(400);
    expect(badToken.body.errors[0].parameters).toEqual({ next_token: ['nonsense'] });
  });

  it('answers a missing, over-long or unsupported query with an invalid-request body naming query', async () => {
    const { search } = setup();
    const missing = await search({});
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual({
      errors: [{ parameters: { query: [''] }, message: 'The `query` query parameter can not be empty' }],
      title: 'Invalid Request',
      detail: 'One or more parameters to your request was invalid.',
      type: 'https://api.twitter.com/2/problems/invalid-request',
    });
    const long = await search({ query: 'a'.repeat(513) });
    expect(long.status).toBe(400);
    expect(Object.keys(long.body.errors[0].parameters)).toEqual(['query']);
    const unsupported = await search({ query: 'telekom bio:support' });
    expect(unsupported.status).toBe(400);
    expect(unsupported.body.errors).toEqual([
      {
        parameters: { query: ['telekom bio:support'] },
        message: expect.stringMatching(
          /^There were errors processing your request: Reference to invalid operator 'bio'/,
        ),
      },
    ]);
    for (const max of ['9', '101']) {
      const res = await search({ query: 'telekom', max_results: max });
      expect(res.body.errors[0].message).toBe(
        `The \`max_results\` query parameter value [${max}] is not between 10 and 100`,
      );
    }
  });

  it('supports drop_then_show, hides older versions of edited posts and answers empty results like X', async () => {
    const { app, search } = setup();
    const older = await seedPost(app, { username: 'lena', text: 'Glasfaser Termin verschoben' });
    await request(app)
      .post('/_sim/faults')
      .send({ platform: 'x', endpoint: 'GET /2/tweets/search/recent', kind: 'drop_then_show', count: 1 });
    const late = await seedPost(app, { username: 'jan', text: 'Glasfaser endlich da' });
    expect(ids(await search({ query: 'glasfaser' }))).toEqual([older]);
    expect(ids(await search({ query: 'glasfaser' }))).toEqual([late, older]);

    const edited = await request(app)
      .post(`/_sim/x/posts/${older}/edit`)
      .send({ text: 'Glasfaser Termin doch heute' });
    expect(ids(await search({ query: 'glasfaser' }))).toEqual([edited.body.id, late]);
    expect((await search({ query: 'kupfer' })).body).toEqual({ meta: { result_count: 0 } });
  });
});

describe('search rate limit', () => {
  it('is configurable and answers 429 once used up', async () => {
    const { app } = createSimulatorApp({ rateLimits: { 'GET /2/tweets/search/recent': { limit: 1 } } });
    expect((await request(app).get(SEARCH).query({ query: 'x' }).set(AUTH)).status).toBe(200);
    const limited = await request(app).get(SEARCH).query({ query: 'x' }).set(AUTH);
    expect(limited.status).toBe(429);
    expect(limited.headers['x-rate-limit-remaining']).toBe('0');
  });
});

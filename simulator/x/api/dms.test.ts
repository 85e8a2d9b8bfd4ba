import request from 'supertest';
import { createSimulatorApp } from '../../app';
import { AUTH, fakeClock } from '../../testHelpers';

const BRAND = 'demo_hilft';
const SEND = 'POST /2/dm_conversations/with/:participant_id/messages';

function setup(options: Parameters<typeof createSimulatorApp>[0] = {}) {
  const clock = fakeClock();
  const { app, state } = createSimulatorApp({ now: clock.now, ...options });
  const customerDm = (username: string, text: string, extra: Record<string, unknown> = {}) =>
    request(app)
      .post('/_sim/x/dms')
      .send({ from: { username, name: username }, text, ...extra });
  const events = (query: Record<string, string | number> = {}) =>
    request(app).get('/2/dm_events').query(query).set(AUTH);
  const send = (participantId: string, body: unknown) =>
    request(app)
      .post(`/2/dm_conversations/with/${participantId}/messages`)
      .set(AUTH)
      .send(body as object);
  return { app, state, clock, customerDm, events, send };
}

const ids = (res: request.Response) => (res.body.data ?? []).map((e: { id: string }) => e.id);

describe('DM control API', () => {
  it('a customer writes to the brand; the conversation id is the two user ids, lower first', async () => {
    const { app, state, customerDm } = setup();
    const res = await customerDm('lena', 'Hallo, meine Kundennummer ist 123');
    expect(res.status).toBe(201);
    const lena = state.userByUsername('lena')!;
    expect(res.body).toEqual({
      id: expect.stringMatching(/^\d{19}$/),
      dm_conversation_id: `${state.brand.id}-${lena.id}`,
    });
    const fromBrand = await request(app)
      .post('/_sim/x/dms')
      .send({ from: { username: BRAND, name: 'Demo' }, to: 'lena', text: 'Danke, wir prüfen.' });
    expect(fromBrand.status).toBe(201);
    const listed = await request(app).get('/_sim/x/dms').query({ with: 'lena' });
    expect(listed.body).toEqual({
      data: [
        {
          id: fromBrand.body.id,
          text: 'Danke, wir prüfen.',
          sender: BRAND,
          dm_conversation_id: res.body.dm_conversation_id,
          created_at: '2026-01-15T10:00:00.000Z',
        },
        expect.objectContaining({ id: res.body.id, sender: 'lena' }),
      ],
    });
    expect((await request(app).get('/_sim/x/dms').query({ with: 'nobody' })).body).toEqual({ data: [] });
  });

  it('refuses DMs that do not involve the brand, to unknown users, or without text', async () => {
    const { app, customerDm } = setup();
    await customerDm('lena', 'hi');
    expect((await customerDm('jan', 'hi', { to: 'lena' })).status).toBe(400);
    expect((await customerDm('jan', 'hi', { to: 'ghost' })).status).toBe(400);
    expect((await customerDm('jan', '')).status).toBe(400);
    const toSelf = await request(app)
      .post('/_sim/x/dms')
      .send({ from: { username: BRAND, name: 'Demo' }, text: 'hi' });
    expect(toSelf.status).toBe(400);
  });
});

describe('GET /2/dm_events', () => {
  it('lists the last 30 days newest first, with default fields id, event_type and text', async () => {
    const { customerDm, events } = setup();
    await customerDm('alt', 'zu alt', { created_at: '2025-12-01T10:00:00Z' });
    const first = (await customerDm('lena', 'eins')).body.id;
    const second = (await customerDm('jan', 'zwei')).body.id;
    const res = await events();
    expect(res.status).toBe(200);
    expect(res.headers['x-rate-limit-limit']).toBe('15');
    expect(res.body).toEqual({
      data: [
        { id: second, text: 'zwei', event_type: 'MessageCreate' },
        { id: first, text: 'eins', event_type: 'MessageCreate' },
      ],
      meta: { result_count: 2 },
    });
  });

  it('adds requested fields and expands senders, media and linked posts', async () => {
    const { app, state, customerDm, events } = setup();
    const post = await request(app)
      .post('/_sim/x/posts')
      .send({ author: { username: 'lena', name: 'Lena' }, text: `@${BRAND} Hilfe` });
    const dm = await customerDm('lena', `siehe https://x.com/lena/status/${post.body.id}`, {
      media: [{ type: 'photo', url: 'https://ton.twimg.com/dm/rechnung.jpg', alt_text: 'Rechnung' }],
    });
    const res = await events({
      'dm_event.fields':
        'id,text,event_type,created_at,sender_id,dm_conversation_id,attachments,referenced_tweets,participant_ids,entities',
      expansions: 'sender_id,attachments.media_keys,referenced_tweets.id,participant_ids',
      'user.fields': 'username,receives_your_dm',
      'media.fields': 'url,alt_text',
    });
    const lena = state.userByUsername('lena')!;
    expect(res.body.data).toEqual([
      {
        id: dm.body.id,
        text: `siehe https://x.com/lena/status/${post.body.id}`,
        event_type: 'MessageCreate',
        dm_conversation_id: dm.body.dm_conversation_id,
        created_at: '2026-01-15T10:00:00.000Z',
        sender_id: lena.id,
        attachments: { media_keys: [expect.stringMatching(/^3_\d{19}$/)] },
        entities: {
          urls: [
            expect.objectContaining({ start: 6, expanded_url: `https://x.com/lena/status/${post.body.id}` }),
          ],
        },
        referenced_tweets: [{ id: post.body.id }],
      },
    ]);
    expect(res.body.includes).toEqual({
      users: [{ id: lena.id, name: 'lena', username: 'lena', receives_your_dm: true }],
      tweets: [{ id: post.body.id, text: `@${BRAND} Hilfe`, edit_history_tweet_ids: [post.body.id] }],
      media: [
        {
          media_key: res.body.data[0].attachments.media_keys[0],
          type: 'photo',
          url: 'https://ton.twimg.com/dm/rechnung.jpg',
          alt_text: 'Rechnung',
        },
      ],
    });
  });

  it('pages with pagination_token, filters event_types, and hides late events with drop_then_show', async () => {
    const { app, customerDm, events } = setup();
    const sent: string[] = [];
    for (let i = 0; i < 5; i++) sent.push((await customerDm(`k${i}`, `Nachricht ${i}`)).body.id);
    const first = await events({ max_results: 2 });
    expect(ids(first)).toEqual([sent[4], sent[3]]);
    expect(first.body.meta).toEqual({ result_count: 2, next_token: expect.any(String) });
    const second = await events({ max_results: 2, pagination_token: first.body.meta.next_token });
    expect(ids(second)).toEqual([sent[2], sent[1]]);
    expect(second.body.meta.previous_token).toEqual(expect.any(String));
    expect((await events({ event_types: 'ParticipantsJoin' })).body).toEqual({ meta: { result_count: 0 } });
    expect((await events({ event_types: 'Typing' })).status).toBe(400);
    expect((await events({ max_results: 0 })).status).toBe(400);

    await request(app)
      .post('/_sim/faults')
      .send({ platform: 'x', endpoint: 'GET /2/dm_events', kind: 'drop_then_show', count: 1 });
    const late = (await customerDm('spaet', 'spät')).body.id;
    expect(ids(await events())).not.toContain(late);
    expect(ids(await events())[0]).toBe(late);
  });

  it('is rate limited at 15 per 15 minutes by default', async () => {
    const { events } = setup();
    for (let i = 0; i < 15; i++) expect((await events()).status).toBe(200);
    const limited = await events();
    expect(limited.status).toBe(429);
    expect(limited.headers['x-rate-limit-remaining']).toBe('0');
  });
});

describe('POST /2/dm_conversations/with/:participant_id/messages', () => {
  it('sends as the brand and answers 201 with the conversation and event ids', async () => {
    const { app, state, customerDm, send } = setup();
    const incoming = await customerDm('lena', 'Hallo?');
    const lena = state.userByUsername('lena')!;
    const res = await send(lena.id, { text: 'Hallo Lena, wie können wir helfen? ^AB' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      data: {
        dm_conversation_id: incoming.body.dm_conversation_id,
        dm_event_id: expect.stringMatching(/^\d{19}$/),
      },
    });
    expect(res.headers['x-rate-limit-limit']).toBe('15');
    expect(res.headers['x-app-limit-24hour-limit']).toBe('1440');
    expect(res.headers['x-app-limit-24hour-remaining']).toBe('1439');
    const listed = await request(app).get('/_sim/x/dms').query({ with: 'lena' });
    expect(listed.body.data[0]).toMatchObject({
      id: res.body.data.dm_event_id,
      text: 'Hallo Lena, wie können wir helfen? ^AB',
      sender: BRAND,
    });
    const stats = await request(app).get('/_sim/stats');
    expect(stats.body.x).toMatchObject({ brandDmsCreated: 1, dms: 2 });
    expect(stats.body.x.requests[SEND]).toBe(1);
  });

  it('refuses unknown participants, the brand itself, closed DMs, and empty or malformed bodies', async () => {
    const { state, customerDm, send } = setup();
    const forbidden = {
      detail: 'You cannot send messages to this user.',
      type: 'about:blank',
      title: 'Forbidden',
      status: 403,
    };
    for (const id of ['1999999999999999999', state.brand.id]) {
      const res = await send(id, { text: 'hi' });
      expect(res.status).toBe(403);
      expect(res.body).toEqual(forbidden);
    }
    const closed = state.upsertCustomer({ username: 'privat', name: 'Privat', acceptsDms: false });
    expect((await send(closed.id, { text: 'hi' })).status).toBe(403);
    // Once they have written, the brand may answer.
    await customerDm('privat', 'doch, hier');
    expect((await send(closed.id, { text: 'hi' })).status).toBe(201);

    const lena = state.upsertCustomer({ username: 'lena', name: 'Lena' });
    for (const body of [
      {},
      { text: '' },
      { text: 'x', media: 1 },
      { text: 'x', attachments: [{ media_id: '1' }] },
    ]) {
      const res = await send(lena.id, body);
      expect(res.status).toBe(400);
      expect(res.body.type).toBe('https://api.twitter.com/2/problems/invalid-request');
    }
    expect((await send('abc', { text: 'x' })).status).toBe(400);
    expect(state.stats().brandDmsCreated).toBe(1);
  });

  it('counts a per-user window and a configurable per-app day, each with its own headers', async () => {
    const { state, send, clock } = setup({
      appRateLimits: { [SEND]: { limit: 2 } },
      rateLimits: { [SEND]: { limit: 2 } },
    });
    const lena = state.upsertCustomer({ username: 'lena', name: 'Lena' });
    expect((await send(lena.id, { text: '1' })).status).toBe(201);
    expect((await send(lena.id, { text: '2' })).status).toBe(201);
    const userLimited = await send(lena.id, { text: '3' });
    expect(userLimited.status).toBe(429);
    expect(userLimited.headers['x-rate-limit-remaining']).toBe('0');
    expect(userLimited.headers['x-app-limit-24hour-remaining']).toBe('0');

    clock.advance(15 * 60 * 1000);
    const appLimited = await send(lena.id, { text: '3' });
    expect(appLimited.status).toBe(429);
    // The user window has room again: only x-app-limit-24hour-reset says when to come back.
    expect(appLimited.headers['x-rate-limit-remaining']).toBe('1');
    expect(appLimited.headers['x-app-limit-24hour-remaining']).toBe('0');
    expect(Number(appLimited.headers['x-app-limit-24hour-reset'])).toBe(Date.UTC(2026, 0, 16, 10) / 1000);
  });
});

describe('faults on the DM endpoints', () => {
  it('500 on send creates nothing; 429 on the listing carries remaining 0', async () => {
    const { app, state, send, events } = setup();
    const lena = state.upsertCustomer({ username: 'lena', name: 'Lena' });
    const inject = (endpoint: string, kind: string) =>
      request(app).post('/_sim/faults').send({ platform: 'x', endpoint, kind, count: 1 });
    expect((await inject(SEND, '500')).status).toBe(201);
    expect((await send(lena.id, { text: 'hallo' })).status).toBe(500);
    expect(state.stats()).toMatchObject({ brandDmsCreated: 0, dms: 0 });
    await inject('GET /2/dm_events', '429');
    const limited = await events();
    expect(limited.status).toBe(429);
    expect(limited.headers['x-rate-limit-remaining']).toBe('0');
    expect((await inject(SEND, 'drop_then_show')).status).toBe(400);
  });
});

describe('reset', () => {
  it('clears DMs, media, edits and counts', async () => {
    const { app, state, customerDm, send, events } = setup();
    await customerDm('lena', 'hi', { media: [{ type: 'photo', url: 'https://ton.twimg.com/a.jpg' }] });
    await send(state.userByUsername('lena')!.id, { text: 'hallo' });
    const post = await request(app)
      .post('/_sim/x/posts')
      .send({
        author: { username: 'jan', name: 'Jan' },
        text: 'x',
        media: [{ type: 'photo', url: 'https://pbs.twimg.com/b.jpg' }],
      });
    await request(app).post(`/_sim/x/posts/${post.body.id}/edit`).send({ text: 'y' });
    expect((await request(app).post('/_sim/reset')).status).toBe(200);
    expect((await events()).body).toEqual({ meta: { result_count: 0 } });
    expect((await request(app).get('/_sim/x/dms')).body).toEqual({ data: [] });
    expect((await request(app).get('/_sim/x/posts')).body).toEqual({ data: [] });
    expect(state.media.get('3_1')).toBeUndefined();
    expect(state.stats()).toEqual({
      requests: { 'GET /2/dm_events': 1 },
      brandPostsCreated: 0,
      posts: 0,
      brandDmsCreated: 0,
      dms: 0,
      mediaUploaded: 0,
    });
  });
});

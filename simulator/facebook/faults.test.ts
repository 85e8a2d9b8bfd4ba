import request from 'supertest';
import { startSimulator } from '../server';
import { AUTH } from '../testHelpers';
import { FB_TOKEN, fbSetup, ids, PAGE_ID, V } from './testHelpers';

const COMMENTS = 'GET /{post-id}/comments';
const usage = (res: request.Response) => ({
  app: JSON.parse(res.headers['x-app-usage']!).call_count,
  page: JSON.parse(res.headers['x-business-use-case-usage']!)[PAGE_ID][0].call_count,
});

async function withComments() {
  const s = fbSetup();
  const post = await s.seedPost('Wartungsarbeiten heute Nacht');
  const c = await s.comment(post, 'Lena Schmidt', 'Wie lange?');
  return { ...s, post, c };
}

describe('Facebook faults', () => {
  it('429: Graph code 32 with both usage headers at 100, for the next N calls of that endpoint only', async () => {
    const { get, inject, post } = await withComments();
    expect((await inject(COMMENTS, '429', 2)).status).toBe(201);
    for (let i = 0; i < 2; i++) {
      const res = await get(`/${post}/comments`);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({
        code: 32,
        type: 'OAuthException',
        fbtrace_id: expect.any(String),
      });
      expect(usage(res)).toEqual({ app: 100, page: 100 });
      expect(
        JSON.parse(res.headers['x-business-use-case-usage']!)[PAGE_ID][0].estimated_time_to_regain_access,
      ).toBe(1);
    }
    expect((await get('/me')).status).toBe(200);
    expect((await get(`/${post}/comments`)).status).toBe(200);
  });

  it('the general name of an endpoint matches too: GET /{object-id}/comments covers a comment’s replies', async () => {
    const { get, inject, c } = await withComments();
    await inject('GET /{object-id}/comments', '500');
    expect((await get(`/${c}/comments`)).status).toBe(500);
    await inject('GET /{post-id}/comments', '500');
    expect((await get(`/${c}/comments`)).status).toBe(200);
  });

  it('500: code 2, transient, and nothing is changed', async () => {
    const { send, inject, c, facebook } = await withComments();
    await inject('POST /{comment-id}/comments', '500');
    const res = await send(`/${c}/comments`, { message: 'Antwort' });
    expect(res.status).toBe(500);
    expect(res.body).toEqual({
      error: {
        message: 'An unexpected error has occurred. Please retry your request later.',
        type: 'OAuthException',
        is_transient: true,
        code: 2,
        fbtrace_id: expect.any(String),
      },
    });
    expect(facebook.stats().pageActions).toBe(0);
  });

  it('revoke: the token dies with code 190 subcode 460 from then on; reset revives it', async () => {
    const { get, inject, app } = await withComments();
    await inject('GET /me', 'revoke');
    for (const path of ['/me', `/${PAGE_ID}/feed`]) {
      const res = await get(path);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 190, error_subcode: 460, type: 'OAuthException' });
    }
    await request(app).post('/_sim/reset');
    expect((await get('/me')).status).toBe(200);
  });

  it('code:<n>[:<subcode>] answers with that Graph error, rate-limit codes with usage at 100', async () => {
    const { send, get, inject, c, post } = await withComments();
    await inject('POST /{comment-id}/comments', 'code:368');
    const blocked = await send(`/${c}/comments`, { message: 'x' });
    expect(blocked.body.error).toMatchObject({
      code: 368,
      message: '(#368) The action attempted has been deemed abusive or is otherwise disallowed',
      error_user_title: expect.any(String),
    });
    await inject(COMMENTS, 'code:613');
    const custom = await get(`/${post}/comments`);
    expect(custom.body.error).toMatchObject({ code: 613, error_subcode: 1996 });
    expect(usage(custom).page).toBe(100);
    await inject('GET /me', 'code:80001');
    expect((await get('/me')).body.error.code).toBe(80001);
    await inject('GET /me', 'code:4');
    expect(usage(await get('/me')).app).toBe(100);
    await inject('POST /{page-id}/messages', 'code:551');
    expect((await send(`/${PAGE_ID}/messages`, {})).body.error).toMatchObject({
      code: 551,
      error_subcode: 1545041,
    });
    await inject('GET /me', 'code:190:463');
    expect((await get('/me')).body.error).toMatchObject({ code: 190, error_subcode: 463 });
    // One-off: the token still works.
    expect((await get('/me')).status).toBe(200);
  });

  it('drop_then_show: the newest comment is missing from the next N listings, then shows up', async () => {
    const { get, inject, comment, post, c, clock } = await withComments();
    await inject(COMMENTS, 'drop_then_show', 2);
    clock.advance(1000);
    const late = await comment(post, 'Jan Fischer', 'spät sichtbar');
    const list = async () => ids(await get(`/${post}/comments`));
    expect(await list()).toEqual([c]);
    clock.advance(1000);
    const newer = await comment(post, 'Mia Schwarz', 'noch neuer');
    expect(await list()).toEqual([c, newer]);
    expect(await list()).toEqual([c, late, newer]);
  });

  it('drop_then_show works on the feed and conversations too', async () => {
    const { get, inject, seedPost, message } = await withComments();
    await inject('GET /{page-id}/published_posts', 'drop_then_show');
    const hiddenPost = await seedPost('Neue Tarife');
    expect(ids(await get(`/${PAGE_ID}/published_posts`))).not.toContain(hiddenPost);
    expect(ids(await get(`/${PAGE_ID}/published_posts`))).toContain(hiddenPost);
    await inject('GET /{page-id}/conversations', 'drop_then_show');
    const dm = await message('Jan Fischer', 'Hallo');
    expect(ids(await get(`/${PAGE_ID}/conversations`))).toEqual([]);
    expect(ids(await get(`/${PAGE_ID}/conversations`))).toEqual([dm.conversation_id]);
  });

  it('empty_page: an empty page that still has next; following it returns what was left out', async () => {
    const { get, inject, post, c, app } = await withComments();
    await inject(COMMENTS, 'empty_page');
    const empty = await get(`/${post}/comments`);
    expect(empty.status).toBe(200);
    expect(empty.body.data).toEqual([]);
    expect(empty.body.paging.next).toEqual(expect.stringContaining(`${V}/${post}/comments?`));
    const next = new URL(empty.body.paging.next);
    const rest = await request(app).get(`${next.pathname}${next.search}`);
    expect(ids(rest)).toEqual([c]);
  });

  it('refuses unknown endpoints and kinds, and listing kinds on non-listings; lists and clears faults of both platforms', async () => {
    const { inject, app } = await withComments();
    expect((await inject('GET /{page-id}/insights', '500')).status).toBe(400);
    expect((await inject('GET /me', 'explode')).status).toBe(400);
    expect((await inject('GET /me', 'code:abc')).status).toBe(400);
    expect((await inject('GET /me', 'empty_page')).status).toBe(400);
    expect((await inject('POST /{page-id}/messages', 'drop_then_show')).status).toBe(400);
    await inject('GET /{page-id}/feed', 'timeout', 3);
    await request(app).post('/_sim/faults').send({ platform: 'x', endpoint: 'POST /2/tweets', kind: '500' });
    expect((await request(app).get('/_sim/faults')).body.data).toEqual([
      { id: expect.any(String), platform: 'x', endpoint: 'POST /2/tweets', kind: '500', count: 1 },
      {
        id: expect.any(String),
        platform: 'facebook',
        endpoint: 'GET /{page-id}/feed',
        kind: 'timeout',
        count: 3,
      },
    ]);
    await request(app).delete('/_sim/faults');
    expect((await request(app).get('/_sim/faults')).body).toEqual({ data: [] });
  });

  it('X faults are untouched by Facebook faults and the other way round', async () => {
    const { get, inject, app } = await withComments();
    await inject('GET /me', '500');
    expect((await request(app).get('/2/users/me').set(AUTH)).status).toBe(200);
    expect((await get('/me')).status).toBe(500);
  });
});

describe('Facebook faults over a real socket', () => {
  it('malformed: a 200 whose JSON is cut off (the reply is posted all the same)', async () => {
    const sim = await startSimulator({ port: 0 });
    try {
      const post = await control(sim.url, '/_sim/facebook/posts', { message: 'Hallo' });
      const c = await control(sim.url, '/_sim/facebook/comments', {
        post_id: post,
        from: { name: 'A' },
        message: 'b',
      });
      await control(sim.url, '/_sim/faults', {
        platform: 'facebook',
        endpoint: 'POST /{comment-id}/comments',
        kind: 'malformed',
      });
      const res = await fetch(`${sim.url}${V}/${c}/comments?access_token=${FB_TOKEN}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ message: 'Wir kümmern uns.' }),
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('x-app-usage')).not.toBeNull();
      const text = await res.text();
      expect(() => JSON.parse(text)).toThrow();
      expect(text.startsWith('{"id":')).toBe(true);
      expect(sim.facebook.stats().pageActions).toBe(1);
    } finally {
      await sim.close();
    }
  });

  it('timeout: never answered, nothing is done, and close() does not wait for it', async () => {
    const sim = await startSimulator({ port: 0, facebook: { timeoutFaultMs: 60_000 } });
    const post = await control(sim.url, '/_sim/facebook/posts', { message: 'Hallo' });
    const c = await control(sim.url, '/_sim/facebook/comments', {
      post_id: post,
      from: { name: 'A' },
      message: 'b',
    });
    await control(sim.url, '/_sim/faults', {
      platform: 'facebook',
      endpoint: 'DELETE /{comment-id}',
      kind: 'timeout',
    });
    const pending = fetch(`${sim.url}${V}/${c}?access_token=${FB_TOKEN}`, {
      method: 'DELETE',
      signal: AbortSignal.timeout(300),
    });
    await expect(pending).rejects.toThrow();
    expect(sim.facebook.stats().pageActions).toBe(0);
    await control(sim.url, '/_sim/faults', { platform: 'facebook', endpoint: 'GET /me', kind: 'timeout' });
    const held = fetch(`${sim.url}${V}/me?access_token=${FB_TOKEN}`).catch((err: unknown) => err);
    const until = Date.now() + 2000;
    while (sim.facebook.held.size === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
    const started = Date.now();
    await sim.close();
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await held).toHaveProperty('message', 'fetch failed');
  });
});

async function control(base: string, path: string, body: unknown): Promise<string> {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

import request from 'supertest';
import { createSimulatorApp } from '../../app';
import { AUTH, fakeClock, seedPost } from '../../testHelpers';

const BRAND = 'demo_hilft';

function setup() {
  const clock = fakeClock();
  const { app, state } = createSimulatorApp({ now: clock.now });
  return { app, state, clock };
}

describe('POST /2/tweets', () => {
  it('creates a reply by the brand that threads under the customer post and shows in the control API', async () => {
    const { app, state } = setup();
    const root = await seedPost(app, { username: 'lena', text: `@${BRAND} kein Internet in 10115` });
    const res = await request(app)
      .post('/2/tweets')
      .set(AUTH)
      .send({ text: 'Wir prüfen das, bitte DM ^AB', reply: { in_reply_to_tweet_id: root } });
    expect(res.status).toBe(201);
    const id = res.body.data.id;
    expect(res.body).toEqual({
      data: { id, text: 'Wir prüfen das, bitte DM ^AB', edit_history_tweet_ids: [id] },
    });
    expect(BigInt(id) > BigInt(root)).toBe(true);
    expect(state.postById(id)).toMatchObject({
      conversationId: root,
      inReplyToUserId: state.userByUsername('lena')!.id,
    });

    const listed = await request(app).get('/_sim/x/posts').query({ author: BRAND });
    expect(listed.body).toEqual({
      data: [
        {
          id,
          text: 'Wir prüfen das, bitte DM ^AB',
          expanded_text: 'Wir prüfen das, bitte DM ^AB',
          author: BRAND,
          in_reply_to: root,
          created_at: '2026-01-15T10:00:00.000Z',
        },
      ],
    });
    const stats = await request(app).get('/_sim/stats');
    expect(stats.body.x.brandPostsCreated).toBe(1);
    expect(stats.body.x.requests['POST /2/tweets']).toBe(1);
  });

  it('refuses the same text twice with the duplicate-content 403, without the original id', async () => {
    const { app, clock } = setup();
    const first = await request(app).post('/2/tweets').set(AUTH).send({ text: 'Störung behoben.' });
    expect(first.status).toBe(201);
    const again = await request(app).post('/2/tweets').set(AUTH).send({ text: 'Störung behoben.' });
    expect(again.status).toBe(403);
    expect(again.body).toEqual({
      detail: 'You are not allowed to create a Tweet with duplicate content.',
      type: 'about:blank',
      title: 'Forbidden',
      status: 403,
    });
    clock.advance(25 * 60 * 60 * 1000);
    const later = await request(app).post('/2/tweets').set(AUTH).send({ text: 'Störung behoben.' });
    expect(later.status).toBe(201);
  });

  it('refuses a reply to a deleted or unknown post', async () => {
    const { app, state } = setup();
    const own = await request(app).post('/2/tweets').set(AUTH).send({ text: 'will be deleted' });
    const del = await request(app).delete(`/2/tweets/${own.body.data.id}`).set(AUTH);
    expect(del.status).toBe(200);
    expect(del.body).toEqual({ data: { deleted: true } });
    for (const target of [own.body.data.id, '1999999999999999999']) {
      const res = await request(app)
        .post('/2/tweets')
        .set(AUTH)
        .send({ text: 'hello', reply: { in_reply_to_tweet_id: target } });
      expect(res.status).toBe(403);
      expect(res.body).toEqual({
        detail: 'You attempted to reply to a Tweet that is deleted or not visible to you.',
        type: 'about:blank',
        title: 'Forbidden',
        status: 403,
      });
    }
    expect(state.stats().brandPostsCreated).toBe(1);
  });

  it('answers a reply without in_reply_to_tweet_id with the recorded invalid-request body', async () => {
    const { app } = setup();
    const res = await request(app).post('/2/tweets').set(AUTH).send({ text: 'x', reply: {} });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      errors: [
        {
          parameters: { '$.reply': ['{}'] },
          message: '$.reply.in_reply_to_tweet_id: is missing but it is required',
        },
      ],
      title: 'Invalid Request',
      detail: 'One or more parameters to your request was invalid.',
      type: 'https://api.twitter.com/2/problems/invalid-request',
    });
  });

  it('refuses text over 280 weighted characters, counting a URL as 23', async () => {
    const { app } = setup();
    const fits = `${'a'.repeat(256)} https://example.com/${'x'.repeat(100)}`;
    expect((await request(app).post('/2/tweets').set(AUTH).send({ text: fits })).status).toBe(201);
    const tooLong = 'ä'.repeat(281);
    const res = await request(app).post('/2/tweets').set(AUTH).send({ text: tooLong });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].parameters).toEqual({ '$.text': [tooLong] });
    // CJK characters weigh two.
    expect(
      (
        await request(app)
          .post('/2/tweets')
          .set(AUTH)
          .send({ text: '字'.repeat(141) })
      ).status,
    ).toBe(400);
  });

  it('refuses unknown body properties and bodies that are not JSON', async () => {
    const { app } = setup();
    const extra = await request(app).post('/2/tweets').set(AUTH).send({ text: 'hi', status: 'hi' });
    expect(extra.status).toBe(400);
    expect(extra.body.errors[0].message).toMatch(/^\$\.status: /);
    const broken = await request(app)
      .post('/2/tweets')
      .set(AUTH)
      .set('content-type', 'application/json')
      .send('{"text":');
    expect(broken.status).toBe(400);
    expect(broken.body.type).toBe('https://api.twitter.com/2/problems/invalid-request');
  });
});

describe('DELETE /2/tweets/:id', () => {
  it("refuses to delete someone else's post", async () => {
    const { app } = setup();
    const theirs = await seedPost(app, { username: 'lena', text: 'mine' });
    const res = await request(app).delete(`/2/tweets/${theirs}`).set(AUTH);
    expect(res.status).toBe(403);
    expect(res.body.title).toBe('Forbidden');
  });
});

describe('control API', () => {
  it('refuses an unknown in_reply_to and reuses customers by username', async () => {
    const { app, state } = setup();
    const bad = await request(app)
      .post('/_sim/x/posts')
      .send({ author: { username: 'lena', name: 'Lena' }, text: 'hi', in_reply_to: '123' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toEqual(expect.any(String));
    await seedPost(app, { username: 'Lena', text: 'one' });
    await seedPost(app, { username: 'lena', text: 'two' });
    const listed = await request(app).get('/_sim/x/posts').query({ author: 'LENA' });
    expect(listed.body.data.map((p: { text: string }) => p.text)).toEqual(['two', 'one']);
    expect(state.stats().brandPostsCreated).toBe(0);
    const brand = await request(app).get('/_sim/x/brand');
    expect(brand.body).toEqual({ id: state.brand.id, username: BRAND });
  });

  it('reset empties posts and customers but keeps the brand', async () => {
    const { app, state } = setup();
    await seedPost(app, { username: 'lena', text: `@${BRAND} hi` });
    await request(app)
      .post('/_sim/faults')
      .send({ platform: 'x', endpoint: 'POST /2/tweets', kind: '500', count: 3 });
    const reset = await request(app).post('/_sim/reset');
    expect(reset.status).toBe(200);
    expect((await request(app).get('/_sim/x/posts')).body).toEqual({ data: [] });
    expect((await request(app).get('/_sim/faults')).body).toEqual({ data: [] });
    expect(state.userByUsername('lena')).toBeUndefined();
    expect((await request(app).get('/2/users/me').set(AUTH)).body.data.username).toBe(BRAND);
    expect((await request(app).get('/healthz')).body).toEqual({ status: 'ok' });
  });
});

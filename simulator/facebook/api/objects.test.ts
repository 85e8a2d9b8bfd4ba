import request from 'supertest';
import { FB_TOKEN, fbSetup, PAGE_ID, V } from '../testHelpers';

describe('Graph: the Page and single objects', () => {
  it('GET /me and GET /{page-id} answer the page with the fields asked (id always included)', async () => {
    const { get } = fbSetup();
    const me = await get('/me');
    expect(me.status).toBe(200);
    expect(me.body).toEqual({ name: 'Demo Hilft', id: PAGE_ID });
    expect((await get(`/${PAGE_ID}`, { fields: 'name' })).body).toEqual({ name: 'Demo Hilft', id: PAGE_ID });
    expect((await get('/me', { fields: 'id,name' })).body).toEqual({ id: PAGE_ID, name: 'Demo Hilft' });
    expect(me.headers['content-type']).toBe('application/json; charset=UTF-8');
    expect(me.headers['facebook-api-version']).toBe('v25.0');
  });

  it('serves any /vNN.N/ prefix, and the page id and name are configurable', async () => {
    const { app } = fbSetup({ facebook: { page: { id: '42', name: 'Acme' } } });
    const res = await request(app).get('/v19.0/me').query({ access_token: FB_TOKEN });
    expect(res.body).toEqual({ name: 'Acme', id: '42' });
    expect((await request(app).get('/_sim/facebook/page')).body).toEqual({ id: '42', name: 'Acme' });
  });

  it('only the configured version when acceptAnyVersion is off (code 2500)', async () => {
    const { app } = fbSetup({ facebook: { acceptAnyVersion: false } });
    const old = await request(app).get('/v19.0/me').query({ access_token: FB_TOKEN });
    expect(old.body.error.code).toBe(2500);
    expect((await request(app).get('/v25.0/me').query({ access_token: FB_TOKEN })).status).toBe(200);
  });

  it('takes the token from the query, a form field or Authorization: Bearer', async () => {
    const { app } = fbSetup();
    expect((await request(app).get(`${V}/me`).set('authorization', `Bearer ${FB_TOKEN}`)).status).toBe(200);
    const post = await request(app).post('/_sim/facebook/posts').send({ message: 'Hallo' });
    const form = await request(app)
      .post(`${V}/${post.body.id}/comments`)
      .type('form')
      .send({ access_token: FB_TOKEN, message: 'Antwort' });
    expect(form.status).toBe(200);
  });

  it('a bad token is code 190 with HTTP 400 and the Graph error body; no token is code 104', async () => {
    const { app } = fbSetup();
    const bad = await request(app).get(`${V}/me`).query({ access_token: 'nope' });
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({
      error: {
        message: 'Invalid OAuth access token - Cannot parse access token',
        type: 'OAuthException',
        code: 190,
        fbtrace_id: expect.stringMatching(/^[A-Za-z0-9]{11}$/),
      },
    });
    expect(bad.headers['www-authenticate']).toContain('invalid_token');
    expect(bad.headers['x-app-usage']).toBeDefined();
    const none = await request(app).get(`${V}/me`);
    expect(none.body.error).toMatchObject({ code: 104, type: 'OAuthException' });
  });

  it('reads a post, a comment, a conversation and a message by id', async () => {
    const { get, seedPost, comment, message } = fbSetup();
    const postId = await seedPost('Wartungsarbeiten heute Nacht');
    const commentId = await comment(postId, 'Lena Schmidt', 'Wie lange?');
    const dm = await message('Jan Fischer', 'Hallo');
    expect((await get(`/${postId}`)).body).toEqual({
      created_time: '2026-01-15T10:00:00+0000',
      message: 'Wartungsarbeiten heute Nacht',
      id: postId,
    });
    expect((await get(`/${commentId}`, { fields: 'id,message,from,parent' })).body).toEqual({
      id: commentId,
      message: 'Wie lange?',
      from: { id: expect.stringMatching(/^\d+$/), name: 'Lena Schmidt' },
    });
    expect((await get(`/${dm.conversation_id}`, { fields: 'message_count,snippet' })).body).toEqual({
      message_count: 1,
      snippet: 'Hallo',
      id: dm.conversation_id,
    });
    expect((await get(`/${dm.id}`)).body).toEqual({
      message: 'Hallo',
      created_time: '2026-01-15T10:00:00+0000',
      id: dm.id,
    });
  });

  it('unknown objects are code 100 subcode 33; unknown fields and edges are code 100', async () => {
    const { get, seedPost } = fbSetup();
    const missing = await get('/1010000000000001_999');
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatchObject({
      message: expect.stringMatching(
        /^Unsupported get request\. Object with ID '1010000000000001_999' does not exist, cannot be loaded due to missing permissions, or does not support this operation/,
      ),
      type: 'GraphMethodException',
      code: 100,
      error_subcode: 33,
    });
    const postId = await seedPost('Hallo');
    const field = await get(`/${postId}`, { fields: 'id,likes_total' });
    expect(field.body.error).toMatchObject({
      message: '(#100) Tried accessing nonexisting field (likes_total) on node type (Post)',
      code: 100,
    });
    expect((await get(`/${PAGE_ID}/insights_x`)).body.error.message).toBe(
      '(#100) Tried accessing nonexisting field (insights_x) on node type (Page)',
    );
    const syntax = await get(`/${postId}`, { fields: 'id,comments{id' });
    expect(syntax.body.error.code).toBe(100);
  });
});

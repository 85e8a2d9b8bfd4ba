import request from 'supertest';
import { fbSetup, PAGE_ID } from './testHelpers';

describe('Facebook control API', () => {
  it('GET /_sim/facebook/page', async () => {
    const { app } = fbSetup();
    expect((await request(app).get('/_sim/facebook/page')).body).toEqual({ id: PAGE_ID, name: 'Demo Hilft' });
  });

  it('POST /_sim/facebook/posts makes a page post (201 {id}); GET lists posts', async () => {
    const { app } = fbSetup();
    const res = await request(app)
      .post('/_sim/facebook/posts')
      .send({ message: 'Wartungsarbeiten heute Nacht' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.stringMatching(new RegExp(`^${PAGE_ID}_\\d+$`)) });
    expect((await request(app).post('/_sim/facebook/posts').send({})).status).toBe(400);
    expect((await request(app).get('/_sim/facebook/posts')).body.data).toEqual([
      {
        id: res.body.id,
        message: 'Wartungsarbeiten heute Nacht',
        from: { id: PAGE_ID, name: 'Demo Hilft' },
        by_page: true,
        created_time: '2026-01-15T10:00:00.000Z',
        updated_time: '2026-01-15T10:00:00.000Z',
      },
    ]);
  });

  it('POST /_sim/facebook/comments: customer comments and replies; same name, same person; from.id and created_time', async () => {
    const { app, seedPost } = fbSetup();
    const post = await seedPost('Neue Tarife');
    const top = await request(app)
      .post('/_sim/facebook/comments')
      .send({
        post_id: post,
        from: { name: 'Lena Schmidt', id: '777' },
        message: 'Teurer?',
        created_time: '2026-01-10T08:00:00Z',
      });
    expect(top.status).toBe(201);
    expect(top.body).toEqual({ id: expect.stringMatching(new RegExp(`^${post.split('_')[1]}_\\d+$`)) });
    const reply = await request(app)
      .post('/_sim/facebook/comments')
      .send({ post_id: post, parent_id: top.body.id, from: { name: 'Lena Schmidt' }, message: 'Hallo?' });
    expect(reply.status).toBe(201);
    const listed = (await request(app).get('/_sim/facebook/comments').query({ post_id: post })).body.data;
    expect(listed).toEqual([
      {
        id: top.body.id,
        post_id: post,
        parent_id: null,
        from: { id: '777', name: 'Lena Schmidt' },
        message: 'Teurer?',
        created_time: '2026-01-10T08:00:00.000Z',
        by_page: false,
        is_hidden: false,
        is_deleted: false,
      },
      expect.objectContaining({
        id: reply.body.id,
        parent_id: top.body.id,
        from: { id: '777', name: 'Lena Schmidt' },
      }),
    ]);
    const conflict = await request(app)
      .post('/_sim/facebook/comments')
      .send({ post_id: post, from: { name: 'Lena Schmidt', id: '888' }, message: 'x' });
    expect(conflict.status).toBe(400);
    expect(
      (
        await request(app)
          .post('/_sim/facebook/comments')
          .send({ post_id: 'nope', from: { name: 'A' }, message: 'x' })
      ).status,
    ).toBe(404);
    expect(
      (
        await request(app)
          .post('/_sim/facebook/comments')
          .send({ post_id: post, from: { name: 'A' } })
      ).status,
    ).toBe(400);
  });

  it('customers edit and delete comments; the list keeps hidden and deleted ones with flags', async () => {
    const { app, seedPost, comment, send } = fbSetup();
    const post = await seedPost('Neue Tarife');
    const a = await comment(post, 'Jan Fischer', 'Zu teuer');
    const b = await comment(post, 'Anna Keller', 'Finde ich gut');
    const edit = await request(app)
      .post(`/_sim/facebook/comments/${a}/edit`)
      .send({ message: 'Viel zu teuer' });
    expect(edit.status).toBe(200);
    await send(`/${b}`, { is_hidden: true });
    expect((await request(app).delete(`/_sim/facebook/comments/${a}`)).status).toBe(204);
    expect((await request(app).delete(`/_sim/facebook/comments/${a}`)).status).toBe(404);
    const listed = (await request(app).get('/_sim/facebook/comments').query({ post_id: post })).body.data;
    expect(listed.map((c: Record<string, unknown>) => [c.id, c.message, c.is_hidden, c.is_deleted])).toEqual([
      [a, 'Viel zu teuer', false, true],
      [b, 'Finde ich gut', true, false],
    ]);
    const pageReply = (await send(`/${b}/comments`, { message: 'Danke!' })).body.id;
    expect(
      (await request(app).post(`/_sim/facebook/comments/${pageReply}/edit`).send({ message: 'x' })).status,
    ).toBe(400);
  });

  it('POST /_sim/facebook/messages: 201 {id, psid, conversation_id}; same name, same conversation; GET lists newest first', async () => {
    const { app, message, send, clock } = fbSetup();
    const first = await message('Julia Wagner', 'Hallo', { created_time: '2026-01-15T09:00:00Z' });
    expect(first).toEqual({
      id: expect.stringMatching(/^m_/),
      psid: expect.stringMatching(/^\d+$/),
      conversation_id: expect.stringMatching(/^t_\d+$/),
    });
    const second = await message('Julia Wagner', 'Noch da?');
    expect(second.conversation_id).toBe(first.conversation_id);
    clock.advance(1000);
    await send(`/${PAGE_ID}/messages`, {
      recipient: { id: first.psid },
      messaging_type: 'MESSAGE_TAG',
      tag: 'HUMAN_AGENT',
      message: { text: 'Ja!' },
    });
    const listed = (await request(app).get('/_sim/facebook/messages').query({ psid: first.psid })).body.data;
    expect(listed.map((m: Record<string, unknown>) => [m.text, m.by_page])).toEqual([
      ['Ja!', true],
      ['Noch da?', false],
      ['Hallo', false],
    ]);
    expect(listed[0]).toMatchObject({
      messaging_type: 'MESSAGE_TAG',
      tag: 'HUMAN_AGENT',
      from: { id: PAGE_ID },
    });
    expect((await request(app).get('/_sim/facebook/messages').query({ psid: '1' })).body).toEqual({
      data: [],
    });
    expect(
      (
        await request(app)
          .post('/_sim/facebook/messages')
          .send({ from: { name: 'X' } })
      ).status,
    ).toBe(400);
  });

  it('GET /_sim/facebook/page-activity lists what the Page did, newest first', async () => {
    const { seedPost, comment, send, del, activity, message } = fbSetup();
    const post = await seedPost('Wartung');
    const c = await comment(post, 'Lena Schmidt', 'Wann fertig?');
    const dm = await message('Lena Schmidt', 'Hallo');
    await send(`/${c}/comments`, { message: 'Um 5 Uhr' });
    await send(`/${c}`, { is_hidden: true });
    await send(`/${c}`, { is_hidden: false });
    await send(`/${PAGE_ID}/messages`, { recipient: { comment_id: c }, message: { text: 'Privat' } });
    await send(`/${PAGE_ID}/messages`, {
      recipient: { id: dm.psid },
      messaging_type: 'RESPONSE',
      message: { text: 'Hi' },
    });
    await del(`/${c}`);
    const data = await activity();
    expect(data.map((a) => a.type)).toEqual([
      'delete',
      'message',
      'private_reply',
      'unhide',
      'hide',
      'comment_reply',
    ]);
    expect(data[1]).toEqual({
      type: 'message',
      object_id: dm.conversation_id,
      result_id: expect.stringMatching(/^m_/),
      text: 'Hi',
      messaging_type: 'RESPONSE',
      recipient: dm.psid,
      created_time: '2026-01-15T10:00:00.000Z',
    });
    expect(data[2]).toMatchObject({ object_id: c, text: 'Privat', recipient: dm.psid });
  });

  it('reset empties Facebook state but keeps the page; stats has a facebook section', async () => {
    const { app, seedPost, comment, get, send } = fbSetup();
    const post = await seedPost('Wartung');
    const c = await comment(post, 'A', 'b');
    await send(`/${c}/comments`, { message: 'c' });
    await get(`/${post}/comments`);
    await get(`/${post}/comments`);
    const stats = (await request(app).get('/_sim/stats')).body;
    expect(stats.x).toBeDefined();
    expect(stats.facebook).toEqual({
      requests: { 'GET /{post-id}/comments': 2, 'POST /{comment-id}/comments': 1 },
      pageActions: 1,
      posts: 1,
      comments: 2,
      messages: 0,
      webhookDeliveries: 0,
    });
    await request(app).post('/_sim/reset');
    expect((await request(app).get('/_sim/stats')).body.facebook).toEqual({
      requests: {},
      pageActions: 0,
      posts: 0,
      comments: 0,
      messages: 0,
      webhookDeliveries: 0,
    });
    expect((await request(app).get('/_sim/facebook/posts')).body).toEqual({ data: [] });
    expect((await get('/me')).body).toEqual({ name: 'Demo Hilft', id: PAGE_ID });
    // Ids keep growing across resets, so saved ids never name a new object.
    expect(await seedPost('neu')).not.toBe(post);
  });
});

import request from 'supertest';
import { fbSetup, ids, PAGE_ID, pathOf, V } from '../testHelpers';

async function thread() {
  const s = fbSetup();
  const post = await s.seedPost('Wartungsarbeiten heute Nacht');
  const a = await s.comment(post, 'Lena Schmidt', 'Wie lange dauert das?');
  s.clock.advance(1000);
  const b = await s.comment(post, 'Jan Fischer', 'Schon wieder?!');
  s.clock.advance(1000);
  const a1 = await s.comment(post, 'Markus Köhler', 'Würde mich auch interessieren', { parent_id: a });
  s.clock.advance(1000);
  return { ...s, post, a, b, a1 };
}

describe('Graph: reading comments', () => {
  it('toplevel (the default) lists top-level comments oldest first with the default fields', async () => {
    const { get, post, a, b } = await thread();
    const res = await get(`/${post}/comments`);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([
      {
        created_time: '2026-01-15T10:00:00+0000',
        from: { id: expect.any(String), name: 'Lena Schmidt' },
        message: 'Wie lange dauert das?',
        id: a,
      },
      expect.objectContaining({ id: b, message: 'Schon wieder?!' }),
    ]);
    expect(a).toMatch(new RegExp(`^${post.split('_')[1]}_\\d+$`));
    expect(res.body.summary).toBeUndefined();
  });

  it('stream lists every level flat; reverse_chronological turns the order; summary counts the scope', async () => {
    const { get, post, a, b, a1 } = await thread();
    const stream = await get(`/${post}/comments`, { filter: 'stream', summary: 'true', fields: 'id,parent' });
    expect(ids(stream)).toEqual([a, b, a1]);
    expect(stream.body.data[2]).toEqual({ id: a1, parent: expect.objectContaining({ id: a }) });
    expect(stream.body.data[0].parent).toBeUndefined();
    expect(stream.body.summary).toEqual({ order: 'chronological', total_count: 3, can_comment: true });
    const reversed = await get(`/${post}/comments`, { filter: 'stream', order: 'reverse_chronological' });
    expect(ids(reversed)).toEqual([a1, b, a]);
    expect((await get(`/${post}/comments`, { filter: 'all' })).body.error.message).toBe(
      '(#100) param filter must be one of {TOPLEVEL, STREAM} - got "all"',
    );
  });

  it('a comment lists its replies; a reply to a reply is flattened to the top-level comment', async () => {
    const { get, comment, post, a, a1 } = await thread();
    const deep = await comment(post, 'Lena Schmidt', '@Markus ja, seit gestern', { parent_id: a1 });
    expect(ids(await get(`/${a}/comments`))).toEqual([a1, deep]);
    expect((await get(`/${deep}`, { fields: 'parent{id}' })).body.parent).toEqual({ id: a });
    expect((await get(`/${a}`, { fields: 'comment_count' })).body.comment_count).toBe(2);
    expect((await get(`/${a1}/comments`)).body).toEqual({ data: [] });
  });

  it('renders every documented field', async () => {
    const { get, post, a, a1, comment } = await thread();
    const photo = await comment(post, 'Jan Fischer', '', {
      attachment_url: 'https://example.com/router.jpg',
    });
    const fields =
      'id,message,from,created_time,parent,attachment,is_hidden,can_hide,can_remove,can_reply_privately,comment_count,like_count,message_tags,permalink_url,private_reply_conversation';
    const top = (await get(`/${a}`, { fields })).body;
    expect(top).toEqual({
      id: a,
      message: 'Wie lange dauert das?',
      from: { id: expect.any(String), name: 'Lena Schmidt' },
      created_time: '2026-01-15T10:00:00+0000',
      is_hidden: false,
      can_hide: true,
      can_remove: true,
      can_reply_privately: true,
      comment_count: 1,
      like_count: 0,
      permalink_url: `https://www.facebook.com/${PAGE_ID}/posts/${post.split('_')[1]}?comment_id=${a.split('_')[1]}`,
    });
    const reply = (await get(`/${a1}`, { fields: 'permalink_url,parent{id,message}' })).body;
    expect(reply.permalink_url).toContain(`&reply_comment_id=${a1.split('_')[1]}`);
    expect(reply.parent).toEqual({ id: a, message: 'Wie lange dauert das?' });
    expect((await get(`/${photo}`, { fields: 'attachment' })).body.attachment).toEqual({
      type: 'photo',
      url: 'https://example.com/router.jpg',
      media: { image: { src: 'https://example.com/router.jpg', width: 720, height: 720 } },
    });
  });

  it('hidden comments stay listed with is_hidden true; deleted ones are gone', async () => {
    const { get, post, del, a, b, app } = await thread();
    await request(app)
      .post(`${V}/${b}`)
      .query({ access_token: 'sim-fb-page-token' })
      .send({ is_hidden: true });
    await del(`/${a}`);
    const res = await get(`/${post}/comments`, { filter: 'stream', fields: 'id,is_hidden' });
    expect(res.body.data).toEqual([{ id: b, is_hidden: true }]);
    expect((await get(`/${a}`)).body.error).toMatchObject({ code: 100, error_subcode: 33 });
  });

  it('since filters by created_time', async () => {
    const { get, post, b, a1 } = await thread();
    const since = Math.floor(Date.UTC(2026, 0, 15, 10, 0, 1) / 1000);
    expect(ids(await get(`/${post}/comments`, { filter: 'stream', since }))).toEqual([b, a1]);
  });

  it('pages with cursors; following next literally reaches the end', async () => {
    const { get, seedPost, comment, clock, app } = fbSetup();
    const post = await seedPost('Neue Tarife');
    const made: string[] = [];
    for (let i = 0; i < 12; i++) {
      made.push(await comment(post, `Kunde ${i % 4}`, `Frage ${i}`));
      clock.advance(1000);
    }
    let res = await get(`/${post}/comments`, { limit: 5 });
    const seen = ids(res);
    expect(res.body.paging.cursors).toEqual({ before: expect.any(String), after: expect.any(String) });
    while (res.body.paging?.next) {
      res = await request(app).get(pathOf(res.body.paging.next));
      seen.push(...ids(res));
    }
    expect(seen).toEqual(made);
  });

  it('an after cursor deeper than the endpoint allows is refused with (#100)', async () => {
    const { get, seedPost, comment, app } = fbSetup({ facebook: { commentsMaxAfterOffset: 6 } });
    const post = await seedPost('Viele Kommentare');
    for (let i = 0; i < 12; i++) await comment(post, 'Lena Schmidt', `Nummer ${i}`);
    const first = await get(`/${post}/comments`, { limit: 4 });
    const second = await request(app).get(pathOf(first.body.paging.next));
    expect(second.status).toBe(200);
    const third = await request(app).get(pathOf(second.body.paging.next));
    expect(third.status).toBe(400);
    expect(third.body.error).toMatchObject({
      message: '(#100) The After Cursor specified exceeds the max limit supported by this endpoint',
      type: 'OAuthException',
      code: 100,
    });
  });

  it('default filter and order are settings (UNCONFIRMED)', async () => {
    const s = fbSetup({
      facebook: { commentsDefaultFilter: 'stream', commentsDefaultOrder: 'reverse_chronological' },
    });
    const post = await s.seedPost('x');
    const a = await s.comment(post, 'A', 'eins');
    s.clock.advance(1000);
    const r = await s.comment(post, 'B', 'zwei', { parent_id: a });
    expect(ids(await s.get(`/${post}/comments`))).toEqual([r, a]);
  });
});

describe('Graph: the Page writes', () => {
  it('replies to a comment (JSON or form); from is the Page; page-activity records it', async () => {
    const { send: graphPost, app, get, activity, post, a } = await thread();
    const json = await graphPost(`/${a}/comments`, { message: 'Wir schauen uns das an.' });
    expect(json.status).toBe(200);
    expect(json.body).toEqual({ id: expect.stringMatching(new RegExp(`^${post.split('_')[1]}_\\d+$`)) });
    const form = await request(app)
      .post(`${V}/${post}/comments`)
      .type('form')
      .send({ access_token: 'sim-fb-page-token', message: 'Update: 5 Uhr fertig' });
    expect(form.status).toBe(200);
    const reply = (await get(`/${json.body.id}`, { fields: 'from,parent,can_hide' })).body;
    expect(reply).toEqual({
      from: { id: PAGE_ID, name: 'Demo Hilft' },
      parent: expect.objectContaining({ id: a }),
      can_hide: false,
      id: json.body.id,
    });
    expect(await activity()).toEqual([
      {
        type: 'comment_reply',
        object_id: post,
        result_id: form.body.id,
        text: 'Update: 5 Uhr fertig',
        created_time: '2026-01-15T10:00:03.000Z',
      },
      expect.objectContaining({ type: 'comment_reply', object_id: a, result_id: json.body.id }),
    ]);
  });

  it('attachment_url alone is a reply; an empty one is refused', async () => {
    const { send: graphPost, a } = await thread();
    expect(
      (await graphPost(`/${a}/comments`, { attachment_url: 'https://example.com/map.png' })).status,
    ).toBe(200);
    expect((await graphPost(`/${a}/comments`, {})).body.error.code).toBe(100);
  });

  it('replying to a deleted or unknown comment is code 100 subcode 33', async () => {
    const { send: graphPost, app, a } = await thread();
    await request(app).delete(`/_sim/facebook/comments/${a}`);
    const res = await graphPost(`/${a}/comments`, { message: 'Zu spät' });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      message: expect.stringContaining(`Unsupported post request. Object with ID '${a}' does not exist`),
      type: 'GraphMethodException',
      code: 100,
      error_subcode: 33,
    });
    expect((await graphPost('/999_999/comments', { message: 'x' })).body.error.error_subcode).toBe(33);
  });

  it('hides, unhides and deletes with {"success":true}', async () => {
    const { send: graphPost, del, get, activity, a, b, a1 } = await thread();
    expect((await graphPost(`/${b}`, { is_hidden: true })).body).toEqual({ success: true });
    expect((await get(`/${b}`, { fields: 'is_hidden' })).body.is_hidden).toBe(true);
    expect((await graphPost(`/${b}`, { is_hidden: 'false' })).body).toEqual({ success: true });
    expect((await get(`/${b}`, { fields: 'is_hidden' })).body.is_hidden).toBe(false);
    expect((await del(`/${a}`)).body).toEqual({ success: true });
    // The replies go with the comment.
    expect((await get(`/${a1}`)).body.error.code).toBe(100);
    expect((await del(`/${a}`)).body.error).toMatchObject({ code: 100, error_subcode: 33 });
    expect((await graphPost(`/${b}`, { message: 'edit' })).body.error.code).toBe(100);
    expect((await activity()).map((x) => [x.type, x.object_id])).toEqual([
      ['delete', a],
      ['unhide', b],
      ['hide', b],
    ]);
  });
});

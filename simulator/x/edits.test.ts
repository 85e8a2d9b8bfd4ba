import request from 'supertest';
import { createSimulatorApp } from '../app';
import { AUTH, fakeClock, seedPost } from '../testHelpers';

const BRAND = 'demo_hilft';

function setup(options: Parameters<typeof createSimulatorApp>[0] = {}) {
  const clock = fakeClock();
  const { app, state } = createSimulatorApp({ now: clock.now, ...options });
  const mentions = (query: Record<string, string> = {}) =>
    request(app).get(`/2/users/${state.brand.id}/mentions`).query(query).set(AUTH);
  const edit = (id: string, text: string) => request(app).post(`/_sim/x/posts/${id}/edit`).send({ text });
  return { app, state, clock, mentions, edit };
}

const ids = (res: request.Response) => (res.body.data ?? []).map((p: { id: string }) => p.id);

describe('POST /_sim/x/posts/:id/edit', () => {
  it('creates a new post id; both versions carry the whole history; listings show the newest only', async () => {
    const { app, clock, mentions, edit } = setup();
    const root = await seedPost(app, { username: 'lena', text: `@${BRAND} Internet weg` });
    const reply = await seedPost(app, { username: 'lena', text: `@${BRAND} PLZ 1011`, inReplyTo: root });
    clock.advance(5 * 60 * 1000);
    const edited = await edit(reply, `@${BRAND} PLZ 10115`);
    expect(edited.status).toBe(201);
    expect(edited.body).toEqual({ id: expect.stringMatching(/^\d{19}$/) });
    const newId = edited.body.id as string;
    expect(BigInt(newId) > BigInt(reply)).toBe(true);

    const res = await mentions({
      'tweet.fields': 'conversation_id,referenced_tweets,created_at,edit_controls',
      expansions: 'edit_history_tweet_ids',
    });
    expect(ids(res)).toEqual([newId, root]);
    expect(res.body.data[0]).toMatchObject({
      text: `@${BRAND} PLZ 10115`,
      conversation_id: root,
      referenced_tweets: [{ type: 'replied_to', id: root }],
      created_at: '2026-01-15T10:05:00.000Z',
      edit_history_tweet_ids: [reply, newId],
      edit_controls: {
        edits_remaining: 4,
        is_edit_eligible: true,
        editable_until: '2026-01-15T11:00:00.000Z',
      },
    });
    // The older version is still readable, with the same history.
    expect(res.body.includes.tweets).toEqual([
      expect.objectContaining({
        id: reply,
        text: `@${BRAND} PLZ 1011`,
        edit_history_tweet_ids: [reply, newId],
      }),
    ]);
    // A poller holding since_id = the original sees the edit as a new post.
    expect(ids(await mentions({ since_id: reply }))).toEqual([newId]);

    const listed = await request(app).get('/_sim/x/posts').query({ author: 'lena' });
    expect(listed.body.data.map((p: { id: string }) => p.id)).toEqual([newId, root]);
    expect(listed.body.data[0].edit_history_tweet_ids).toEqual([reply, newId]);
  });

  it('shows superseded versions when showSupersededEdits is set', async () => {
    const { app, mentions, edit } = setup({ showSupersededEdits: true });
    const id = await seedPost(app, { username: 'lena', text: `@${BRAND} eins` });
    const second = (await edit(id, `@${BRAND} zwei`)).body.id;
    expect(ids(await mentions())).toEqual([second, id]);
  });

  it('refuses edits of older versions, of retweets, after the window and beyond the edit count', async () => {
    const { app, clock, edit } = setup({ maxEdits: 2 });
    const id = await seedPost(app, { username: 'lena', text: 'v1' });
    const v2 = (await edit(id, 'v2')).body.id;
    expect((await edit(id, 'v2b')).status).toBe(400);
    const v3 = (await edit(v2, 'v3')).body.id;
    const tooMany = await edit(v3, 'v4');
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error).toBe('no edits remaining');

    const other = await seedPost(app, { username: 'jan', text: 'alt' });
    clock.advance(61 * 60 * 1000);
    expect((await edit(other, 'neu')).body).toEqual({ error: 'the edit window has closed' });
    const rt = await request(app)
      .post('/_sim/x/posts')
      .send({ author: { username: 'mia', name: 'Mia' }, retweet_of: other });
    expect((await edit(rt.body.id, 'x')).status).toBe(400);
    expect((await edit('1999999999999999999', 'x')).status).toBe(404);
    expect((await edit(v3, '')).status).toBe(400);
  });

  it('deleting any version deletes the post', async () => {
    const { app, mentions, edit } = setup();
    const id = await seedPost(app, { username: 'lena', text: `@${BRAND} eins` });
    const second = (await edit(id, `@${BRAND} zwei`)).body.id;
    expect((await request(app).delete(`/_sim/x/posts/${id}`)).status).toBe(204);
    expect(ids(await mentions())).toEqual([]);
    expect((await request(app).delete(`/_sim/x/posts/${second}`)).status).toBe(404);
  });
});

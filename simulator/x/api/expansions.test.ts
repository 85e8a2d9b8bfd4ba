import request from 'supertest';
import { createSimulatorApp } from '../../app';
import { AUTH, fakeClock, seedPost } from '../../testHelpers';

const BRAND = 'demo_hilft';

function setup() {
  const clock = fakeClock();
  const { app, state } = createSimulatorApp({ now: clock.now });
  const mentionsPath = `/2/users/${state.brand.id}/mentions`;
  return { app, state, clock, mentionsPath };
}

describe('fields, expansions and threads', () => {
  it('adds requested fields and includes users for expansions=author_id', async () => {
    const { app, state, mentionsPath } = setup();
    const id = await seedPost(app, {
      username: 'lena',
      name: 'Lena S.',
      text: `@${BRAND} Rechnung ist doppelt #billing`,
    });
    const res = await request(app)
      .get(mentionsPath)
      .query({
        'tweet.fields': 'created_at,author_id,conversation_id,lang,entities,public_metrics',
        expansions: 'author_id',
        'user.fields': 'profile_image_url,verified,public_metrics,description,created_at',
      })
      .set(AUTH);
    const lena = state.userByUsername('lena')!;
    expect(res.body.data[0]).toEqual({
      id,
      text: `@${BRAND} Rechnung ist doppelt #billing`,
      author_id: lena.id,
      created_at: '2026-01-15T10:00:00.000Z',
      conversation_id: id,
      entities: {
        mentions: [{ start: 0, end: BRAND.length + 1, username: BRAND, id: state.brand.id }],
        hashtags: [
          {
            start: `@${BRAND} Rechnung ist doppelt `.length,
            end: `@${BRAND} Rechnung ist doppelt #billing`.length,
            tag: 'billing',
          },
        ],
      },
      lang: 'de',
      public_metrics: {
        retweet_count: 0,
        reply_count: 0,
        like_count: 0,
        quote_count: 0,
        bookmark_count: 0,
        impression_count: 0,
      },
      edit_history_tweet_ids: [id],
    });
    expect(res.body.includes.users).toEqual([
      {
        id: lena.id,
        name: 'Lena S.',
        username: 'lena',
        created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        description: '',
        profile_image_url: expect.stringMatching(/^https:\/\//),
        verified: false,
        public_metrics: { followers_count: 42, following_count: 180, tweet_count: 1, listed_count: 0 },
      },
    ]);
  });

  it('accepts post.fields as the newer name of tweet.fields', async () => {
    const { app, mentionsPath } = setup();
    await seedPost(app, { username: 'lena', text: `@${BRAND} hallo` });
    const res = await request(app).get(mentionsPath).query({ 'post.fields': 'author_id' }).set(AUTH);
    expect(res.body.data[0].author_id).toEqual(expect.any(String));
  });

  it('threads replies: conversation_id is the root at any depth, replies to the brand are mentions', async () => {
    const { app, state, mentionsPath } = setup();
    const root = await seedPost(app, { username: 'lena', text: `@${BRAND} Seit heute kein Internet` });
    const brandReply = await request(app)
      .post('/2/tweets')
      .set(AUTH)
      .send({ text: 'Das tut uns leid! Welche PLZ?', reply: { in_reply_to_tweet_id: root } });
    const followUp = await seedPost(app, {
      username: 'lena',
      text: '10115 Berlin',
      inReplyTo: brandReply.body.data.id,
    });

    const res = await request(app)
      .get(mentionsPath)
      .query({
        'tweet.fields': 'conversation_id,in_reply_to_user_id,referenced_tweets,author_id',
        expansions: 'referenced_tweets.id,in_reply_to_user_id,author_id',
      })
      .set(AUTH);
    expect(res.body.data.map((p: { id: string }) => p.id)).toEqual([followUp, root]);
    expect(res.body.data[0]).toMatchObject({
      conversation_id: root,
      in_reply_to_user_id: state.brand.id,
      referenced_tweets: [{ type: 'replied_to', id: brandReply.body.data.id }],
    });
    expect(res.body.data[1].in_reply_to_user_id).toBeUndefined();
    expect(res.body.includes.tweets).toEqual([
      {
        id: brandReply.body.data.id,
        text: 'Das tut uns leid! Welche PLZ?',
        edit_history_tweet_ids: [brandReply.body.data.id],
        author_id: state.brand.id,
        conversation_id: root,
        in_reply_to_user_id: res.body.data[1].author_id,
        referenced_tweets: [{ type: 'replied_to', id: root }],
      },
    ]);
    expect(res.body.includes.users.map((u: { username: string }) => u.username).sort()).toEqual(
      ['lena', BRAND].sort(),
    );
  });
});

describe('GET /2/users/:id/tweets', () => {
  it("lists the brand's own posts newest first, without replies when excluded", async () => {
    const { app, state } = setup();
    const root = await seedPost(app, { username: 'lena', text: `@${BRAND} hilfe` });
    const own = await request(app).post('/2/tweets').set(AUTH).send({ text: 'Wartungsarbeiten heute Nacht' });
    const reply = await request(app)
      .post('/2/tweets')
      .set(AUTH)
      .send({ text: 'Wir schauen nach', reply: { in_reply_to_tweet_id: root } });
    const path = `/2/users/${state.brand.id}/tweets`;
    const all = await request(app).get(path).query({ 'tweet.fields': 'referenced_tweets' }).set(AUTH);
    expect(all.body.data.map((p: { id: string }) => p.id)).toEqual([reply.body.data.id, own.body.data.id]);
    expect(all.body.data[0].referenced_tweets).toEqual([{ type: 'replied_to', id: root }]);
    const noReplies = await request(app).get(path).query({ exclude: 'replies' }).set(AUTH);
    expect(noReplies.body.data.map((p: { id: string }) => p.id)).toEqual([own.body.data.id]);
  });
});

import request from 'supertest';
import { createSimulatorApp } from '../../app';
import { AUTH, fakeClock, seedPost } from '../../testHelpers';

const BRAND = 'demo_hilft';

function setup(options: Parameters<typeof createSimulatorApp>[0] = {}) {
  const clock = fakeClock();
  const { app, state } = createSimulatorApp({ now: clock.now, ...options });
  const mentions = (query: Record<string, string> = {}) =>
    request(app).get(`/2/users/${state.brand.id}/mentions`).query(query).set(AUTH);
  const post = (body: Record<string, unknown>) => request(app).post('/_sim/x/posts').send(body);
  return { app, state, clock, mentions, post };
}

const ids = (res: request.Response) => (res.body.data ?? []).map((p: { id: string }) => p.id);

describe('quote posts', () => {
  it('reference the quoted post, append its permalink as a t.co link, and expand to it and its author', async () => {
    const { state, mentions, post } = setup();
    const own = state.createPost(
      { authorId: state.brand.id, text: 'Wartung heute Nacht 0-4 Uhr' },
      'control',
    );
    const quote = await post({
      author: { username: 'lena', name: 'Lena' },
      text: `Schon wieder, @${BRAND}?`,
      quote_of: own.id,
    });
    expect(quote.status).toBe(201);
    const res = await mentions({
      'tweet.fields': 'referenced_tweets,author_id,entities',
      expansions: 'referenced_tweets.id,referenced_tweets.id.author_id',
      'user.fields': 'username',
    });
    const data = res.body.data[0];
    expect(data.id).toBe(quote.body.id);
    expect(data.referenced_tweets).toEqual([{ type: 'quoted', id: own.id }]);
    expect(data.text).toMatch(new RegExp(`^Schon wieder, @${BRAND}\\? https://t\\.co/\\w{10}$`));
    expect(data.entities.urls).toEqual([
      expect.objectContaining({ expanded_url: `https://x.com/${BRAND}/status/${own.id}` }),
    ]);
    expect(res.body.includes.tweets).toEqual([
      {
        id: own.id,
        text: 'Wartung heute Nacht 0-4 Uhr',
        author_id: state.brand.id,
        edit_history_tweet_ids: [own.id],
      },
    ]);
    // referenced_tweets.id.author_id brings in the quoted post's author (author_id would add lena).
    expect(res.body.includes.users).toEqual([{ id: state.brand.id, name: 'Demo Hilft', username: BRAND }]);
  });

  it('is a mention only when it names the brand, not merely for quoting its post', async () => {
    const { app, state, mentions, post } = setup();
    const own = state.createPost({ authorId: state.brand.id, text: 'Neue Tarife ab Montag' }, 'control');
    await post({ author: { username: 'jan', name: 'Jan' }, text: 'teuer', quote_of: own.id });
    const naming = await post({
      author: { username: 'mia', name: 'Mia' },
      text: `@${BRAND} teuer`,
      quote_of: own.id,
    });
    expect(ids(await mentions())).toEqual([naming.body.id]);
    // Both quotes count on the brand's post all the same.
    const timeline = await request(app)
      .get(`/2/users/${state.brand.id}/tweets`)
      .query({ 'tweet.fields': 'public_metrics' })
      .set(AUTH);
    expect(timeline.body.data[0].public_metrics).toMatchObject({ quote_count: 2, retweet_count: 0 });
  });

  it('can be made without the appended permalink', async () => {
    const { state, post, mentions } = setup({ appendQuoteUrl: false });
    const own = state.createPost({ authorId: state.brand.id, text: 'Info' }, 'control');
    await post({ author: { username: 'lena', name: 'Lena' }, text: `@${BRAND} danke`, quote_of: own.id });
    expect((await mentions()).body.data[0].text).toBe(`@${BRAND} danke`);
  });
});

describe('retweets', () => {
  it('carry RT text, reference the original, and reach mentions when the original mentions the brand', async () => {
    const { app, state, mentions, post } = setup();
    const complaint = await seedPost(app, { username: 'lena', text: `@${BRAND} seit 3 Tagen kein Netz` });
    const unrelated = await seedPost(app, { username: 'jan', text: 'schönes Wetter' });
    const rt = await post({ author: { username: 'mia', name: 'Mia' }, retweet_of: complaint });
    await post({ author: { username: 'mia', name: 'Mia' }, retweet_of: unrelated });
    expect(rt.status).toBe(201);

    const res = await mentions({ 'tweet.fields': 'referenced_tweets,author_id' });
    expect(ids(res)).toEqual([rt.body.id, complaint]);
    expect(res.body.data[0]).toEqual({
      id: rt.body.id,
      text: `RT @lena: @${BRAND} seit 3 Tagen kein Netz`,
      author_id: state.userByUsername('mia')!.id,
      referenced_tweets: [{ type: 'retweeted', id: complaint }],
      edit_history_tweet_ids: [rt.body.id],
    });
    // Searching with -is:retweet is how an adapter leaves them out.
    const search = await request(app)
      .get('/2/tweets/search/recent')
      .query({ query: 'netz -is:retweet' })
      .set(AUTH);
    expect(ids(search)).toEqual([complaint]);
  });

  it('cut long RT text with an ellipsis, retweet the original of a retweet, and refuse repeats', async () => {
    const { app, mentions, post } = setup();
    const long = await seedPost(app, { username: 'lena', text: `@${BRAND} ${'sehr '.repeat(40)}ärgerlich` });
    const first = await post({ author: { username: 'mia', name: 'Mia' }, retweet_of: long });
    const text = (await mentions()).body.data[0].text as string;
    expect([...text]).toHaveLength(140);
    expect(text.endsWith('…')).toBe(true);
    const ofRetweet = await post({ author: { username: 'jan', name: 'Jan' }, retweet_of: first.body.id });
    const res = await mentions({ 'tweet.fields': 'referenced_tweets' });
    expect(res.body.data[0].id).toBe(ofRetweet.body.id);
    expect(res.body.data[0].referenced_tweets).toEqual([{ type: 'retweeted', id: long }]);
    const again = await post({ author: { username: 'mia', name: 'Mia' }, retweet_of: long });
    expect(again.status).toBe(400);
    const withText = await post({ author: { username: 'eva', name: 'Eva' }, retweet_of: long, text: 'hi' });
    expect(withText.status).toBe(400);
  });

  it("of the brand's own posts are mentions unless configured otherwise", async () => {
    for (const [option, expected] of [
      [true, 1],
      [false, 0],
    ] as const) {
      const { state, mentions, post } = setup({ retweetsOfOwnPostsInMentions: option });
      const own = state.createPost({ authorId: state.brand.id, text: 'Tipp: Router neu starten' }, 'control');
      await post({ author: { username: 'mia', name: 'Mia' }, retweet_of: own.id });
      expect((await mentions()).body.meta.result_count).toBe(expected);
    }
  });
});

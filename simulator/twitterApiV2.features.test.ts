import { ApiResponseError, type TwitterApi } from 'twitter-api-v2';
import type { RunningSimulator } from './server';
import { control, startSimulatorWithClient } from './twitterClient';

/** Search, DMs, media, entities and quotes through the real twitter-api-v2 client (reference section 1). */

const BRAND = 'demo_hilft';

let sim: RunningSimulator;
let client: TwitterApi;
let close: () => Promise<void>;

beforeEach(async () => {
  ({ sim, client, close } = await startSimulatorWithClient());
});

afterEach(async () => {
  await close();
});

const post = (body: Record<string, unknown>) => control(sim, '/_sim/x/posts', body);
const author = (username: string) => ({ username, name: username });

it('search(): keyword capture, paging with next_token, includes', async () => {
  const ids: string[] = [];
  for (let i = 0; i < 12; i++)
    ids.push((await post({ author: author(`k${i}`), text: `Telekom Hotline ${i}` })).id);
  await post({ author: author('rt'), retweet_of: ids[0] });

  const found = await client.v2.search(`telekom hotline -is:retweet -from:${BRAND}`, {
    'tweet.fields': ['author_id', 'created_at'],
    expansions: ['author_id'],
  });
  expect(found.tweets.map((t) => t.id)).toEqual(ids.slice(2).reverse());
  expect(found.rateLimit).toMatchObject({ limit: 450, remaining: 449 });
  expect(found.includes.author(found.tweets[0]!)?.username).toBe('k11');
  // The paginator sends next_token (with the same query); the simulator refuses pagination_token here.
  await found.fetchNext();
  expect(found.tweets.map((t) => t.id)).toEqual([...ids].reverse());
  expect(found.done).toBe(true);

  const refused = (await client.v2.search('hotline place:bonn').catch((e: unknown) => e)) as ApiResponseError;
  expect(refused).toBeInstanceOf(ApiResponseError);
  expect(refused.code).toBe(400);
  expect(refused.data.errors?.[0]).toMatchObject({ parameters: { query: ['hotline place:bonn'] } });
});

it('listDmEvents() and sendDmToParticipant()', async () => {
  const first = await control<{ id: string; dm_conversation_id: string }>(sim, '/_sim/x/dms', {
    from: author('lena'),
    text: 'Hallo, mein Anschluss ist tot',
  });
  await control(sim, '/_sim/x/dms', { from: author('jan'), text: 'Rechnung falsch' });
  await control(sim, '/_sim/x/dms', { from: author('mia'), text: 'Vertrag kündigen' });

  const events = await client.v2.listDmEvents({
    max_results: 2,
    'dm_event.fields': ['id', 'text', 'event_type', 'created_at', 'sender_id', 'dm_conversation_id'],
    expansions: ['sender_id'],
    'user.fields': ['username', 'name'],
  });
  expect(events.events.map((e) => (e.event_type === 'MessageCreate' ? e.text : null))).toEqual([
    'Vertrag kündigen',
    'Rechnung falsch',
  ]);
  expect(events.rateLimit).toMatchObject({ limit: 15, remaining: 14 });
  expect(events.includes.users.map((u) => u.username)).toEqual(['mia', 'jan']);
  // The DM paginator pages with pagination_token.
  await events.fetchNext();
  const lenaEvent = events.events[2]!;
  expect(lenaEvent).toMatchObject({
    id: first.id,
    event_type: 'MessageCreate',
    dm_conversation_id: first.dm_conversation_id,
    sender_id: sim.state.userByUsername('lena')!.id,
  });

  const lena = sim.state.userByUsername('lena')!;
  const sent = await client.v2.sendDmToParticipant(lena.id, {
    text: 'Das tut uns leid! Wir prüfen das. ^AB',
  });
  // twitter-api-v2 types the result without its `data` wrapper; the body really is {data: {...}}.
  expect(sent).toEqual({
    data: { dm_conversation_id: first.dm_conversation_id, dm_event_id: expect.stringMatching(/^\d{19}$/) },
  });
  const listed = await fetch(`${sim.url}/_sim/x/dms?with=lena`);
  expect(((await listed.json()) as { data: Array<{ text: string; sender: string }> }).data[0]).toMatchObject({
    text: 'Das tut uns leid! Wir prüfen das. ^AB',
    sender: BRAND,
  });

  const refused = (await client.v2
    .sendDmToParticipant('1999999999999999999', { text: 'hallo?' })
    .catch((e: unknown) => e)) as ApiResponseError;
  expect(refused).toBeInstanceOf(ApiResponseError);
  expect(refused.code).toBe(403);
  expect(refused.data.detail).toBe('You cannot send messages to this user.');
  expect(sim.state.stats().brandDmsCreated).toBe(1);
});

it('userMentionTimeline(): media includes and entities with t.co links', async () => {
  await post({
    author: author('lena'),
    text: `@${BRAND} Foto vom Router: https://example.com/router`,
    media: [{ type: 'photo', url: 'https://pbs.twimg.com/media/router.jpg', alt_text: 'Router' }],
  });
  const timeline = await client.v2.userMentionTimeline(sim.state.brand.id, {
    'tweet.fields': ['entities', 'attachments'],
    expansions: ['attachments.media_keys'],
    'media.fields': ['url', 'preview_image_url', 'type', 'width', 'height', 'alt_text'],
  });
  const tweet = timeline.tweets[0]!;
  expect(tweet.text).toMatch(
    /^@demo_hilft Foto vom Router: https:\/\/t\.co\/\w{10} https:\/\/t\.co\/\w{10}$/,
  );
  expect(timeline.includes.medias(tweet)).toEqual([
    {
      media_key: tweet.attachments!.media_keys![0],
      type: 'photo',
      url: 'https://pbs.twimg.com/media/router.jpg',
      width: 1200,
      height: 900,
      alt_text: 'Router',
    },
  ]);
  const links = tweet.entities!.urls!;
  expect(links.map((u) => u.expanded_url)).toEqual([
    'https://example.com/router',
    `https://x.com/lena/status/${tweet.id}/photo/1`,
  ]);
  for (const u of links) expect([...tweet.text].slice(u.start, u.end).join('')).toBe(u.url);
  expect(tweet.entities!.mentions).toEqual([
    { start: 0, end: BRAND.length + 1, username: BRAND, id: sim.state.brand.id },
  ]);
});

it('userMentionTimeline(): a quote post with the quoted post and its author in includes', async () => {
  const original = await post({ author: author('jan'), text: 'Bei mir geht wieder alles' });
  const quote = await post({
    author: author('lena'),
    text: `@${BRAND} bei mir nicht!`,
    quote_of: original.id,
  });
  const timeline = await client.v2.userMentionTimeline(sim.state.brand.id, {
    'tweet.fields': ['referenced_tweets', 'author_id'],
    expansions: ['referenced_tweets.id', 'referenced_tweets.id.author_id', 'author_id'],
  });
  const tweet = timeline.tweets[0]!;
  expect(tweet.id).toBe(quote.id);
  expect(tweet.referenced_tweets).toEqual([{ type: 'quoted', id: original.id }]);
  const quoted = timeline.includes.quote(tweet);
  expect(quoted).toMatchObject({
    id: original.id,
    text: 'Bei mir geht wieder alles',
    author_id: expect.any(String),
  });
  expect(timeline.includes.author(quoted!)?.username).toBe('jan');
  expect(timeline.includes.author(tweet)?.username).toBe('lena');
});

import http from 'node:http';
import {
  ApiPartialResponseError,
  ApiResponseError,
  type ITwitterApiClientPlugin,
  TwitterApi,
} from 'twitter-api-v2';
import { type RunningSimulator, startSimulator } from './server';

/**
 * Drives the simulator with the real twitter-api-v2 client, wired exactly as reference section 1 says the
 * adapter must be: a URL-rewrite plugin plus an http.Agent. If this passes, the adapter can run against it.
 */

const BRAND = 'demo_hilft';

let sim: RunningSimulator;
let agent: http.Agent;
let client: TwitterApi;

beforeEach(async () => {
  sim = await startSimulator({ port: 0 });
  const base = sim.url;
  const rewrite: ITwitterApiClientPlugin = {
    onBeforeRequestConfig({ params }) {
      params.url = params.url.replace(/^https:\/\/api\.x\.com/, base);
    },
    onBeforeStreamRequestConfig({ params }) {
      params.url = params.url.replace(/^https:\/\/api\.x\.com/, base);
    },
  };
  agent = new http.Agent({ keepAlive: true });
  client = new TwitterApi('sim-x-token', { plugins: [rewrite], httpAgent: agent });
});

afterEach(async () => {
  agent.destroy();
  await sim.close();
});

async function seed(username: string, text: string, inReplyTo?: string): Promise<string> {
  const res = await fetch(`${sim.url}/_sim/x/posts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      author: { username, name: username },
      text,
      ...(inReplyTo ? { in_reply_to: inReplyTo } : {}),
    }),
  });
  return ((await res.json()) as { id: string }).id;
}

async function injectFault(endpoint: string, kind: string, count = 1): Promise<void> {
  await fetch(`${sim.url}/_sim/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ platform: 'x', endpoint, kind, count }),
  });
}

it('me(), userMentionTimeline() with paging and includes, reply(), userTimeline()', async () => {
  const me = await client.v2.me({ 'user.fields': ['profile_image_url'] });
  expect(me.data).toMatchObject({ id: sim.state.brand.id, username: BRAND, name: 'Demo Hilft' });

  const ids: string[] = [];
  for (let i = 0; i < 7; i++) ids.push(await seed(`kunde${i}`, `@${BRAND} Frage ${i}`));

  const timeline = await client.v2.userMentionTimeline(me.data.id, {
    max_results: 5,
    'tweet.fields': [
      'created_at',
      'author_id',
      'conversation_id',
      'in_reply_to_user_id',
      'referenced_tweets',
    ],
    expansions: ['author_id', 'referenced_tweets.id'],
    'user.fields': ['username', 'name', 'profile_image_url', 'public_metrics', 'verified'],
  });
  expect(timeline.tweets.map((t) => t.id)).toEqual(ids.slice(2).reverse());
  expect(timeline.meta.next_token).toEqual(expect.any(String));
  expect(timeline.rateLimit).toMatchObject({ limit: 300, remaining: 299 });
  const first = timeline.tweets[0]!;
  expect(timeline.includes.author(first)?.username).toBe('kunde6');
  await timeline.fetchNext();
  expect(timeline.tweets.map((t) => t.id)).toEqual([...ids].reverse());
  expect(timeline.done).toBe(true);

  const sent = await client.v2.reply('Das schauen wir uns an! ^AB', ids[3]!);
  expect(sent.data).toEqual({
    id: expect.any(String),
    text: 'Das schauen wir uns an! ^AB',
    edit_history_tweet_ids: [sent.data.id],
  });

  const own = await client.v2.userTimeline(me.data.id, {
    'tweet.fields': ['referenced_tweets', 'conversation_id'],
  });
  expect(own.tweets).toEqual([
    expect.objectContaining({
      id: sent.data.id,
      conversation_id: ids[3],
      referenced_tweets: [{ type: 'replied_to', id: ids[3] }],
    }),
  ]);

  const listed = await fetch(`${sim.url}/_sim/x/posts?author=${BRAND}`);
  expect(((await listed.json()) as { data: unknown[] }).data).toEqual([
    expect.objectContaining({ id: sent.data.id, in_reply_to: ids[3], author: BRAND }),
  ]);

  // The customer answers the brand: this is a mention in the same conversation.
  const answer = await seed('kunde3', 'Danke!', sent.data.id);
  const newer = await client.v2.userMentionTimeline(me.data.id, {
    since_id: ids[6],
    'tweet.fields': ['conversation_id', 'in_reply_to_user_id'],
  });
  expect(newer.tweets).toEqual([
    expect.objectContaining({ id: answer, conversation_id: ids[3], in_reply_to_user_id: me.data.id }),
  ]);
});

it('throws ApiResponseError with code 429 and rateLimit on a rate limit', async () => {
  await injectFault('GET /2/users/:id/mentions', '429');
  const error = await client.v2.userMentionTimeline(sim.state.brand.id).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ApiResponseError);
  const e = error as ApiResponseError;
  expect(e.code).toBe(429);
  expect(e.rateLimitError).toBe(true);
  expect(e.rateLimit).toEqual({ limit: 300, remaining: 0, reset: expect.any(Number) });
  expect(e.rateLimit!.reset).toBeGreaterThan(Date.now() / 1000);
  expect(e.data).toMatchObject({ title: 'Too Many Requests', status: 429 });
});

it('surfaces 403 details (duplicate, deleted parent) and 401 as ApiResponseError', async () => {
  const root = await seed('kunde', `@${BRAND} hallo`);
  await client.v2.reply('Hallo! Wie können wir helfen?', root);
  const duplicate = (await client.v2
    .reply('Hallo! Wie können wir helfen?', root)
    .catch((e: unknown) => e)) as ApiResponseError;
  expect(duplicate.code).toBe(403);
  expect(duplicate.data.detail).toBe('You are not allowed to create a Tweet with duplicate content.');

  const deleted = (await client.v2
    .reply('Hallo?', '1999999999999999999')
    .catch((e: unknown) => e)) as ApiResponseError;
  expect(deleted.code).toBe(403);
  expect(deleted.data.detail).toBe(
    'You attempted to reply to a Tweet that is deleted or not visible to you.',
  );

  await injectFault('GET /2/users/me', 'revoke');
  const revoked = (await client.v2.me().catch((e: unknown) => e)) as ApiResponseError;
  expect(revoked.code).toBe(401);
  expect(revoked.isAuthError).toBe(true);
});

it('reports a malformed body as ApiPartialResponseError', async () => {
  await injectFault('GET /2/users/me', 'malformed');
  const error = await client.v2.me().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ApiPartialResponseError);
  expect((await client.v2.me()).data.username).toBe(BRAND);
});

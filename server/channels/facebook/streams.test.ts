import { type RunningSimulator, startSimulator } from '../../../simulator/server';
import { GraphApi } from './graph';
import { fetchFeed, postDue } from './streams';

const HOUR = 3600_000;

describe('postDue: active posts every poll, quiet ones less often', () => {
  const now = 1_000 * HOUR;
  it('reads a post with activity in the last two hours on every poll', () => {
    expect(postDue({ checkedAt: now - 1000, activeAt: now - HOUR }, now)).toBe(true);
  });
  it('reads a post quiet for a day every five minutes', () => {
    expect(postDue({ checkedAt: now - 4 * 60_000, activeAt: now - 24 * HOUR }, now)).toBe(false);
    expect(postDue({ checkedAt: now - 5 * 60_000, activeAt: now - 24 * HOUR }, now)).toBe(true);
  });
  it('reads a post quiet for a week once an hour', () => {
    expect(postDue({ checkedAt: now - 30 * 60_000, activeAt: now - 7 * 24 * HOUR }, now)).toBe(false);
    expect(postDue({ checkedAt: now - HOUR, activeAt: now - 7 * 24 * HOUR }, now)).toBe(true);
  });
});

describe('fetchFeed against the Graph simulator', () => {
  let sim: RunningSimulator;
  let api: GraphApi;
  const pageId = '1010000000000001';
  const control = (path: string, body: unknown) =>
    fetch(`${sim.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).then((r) => r.json() as Promise<{ id: string }>);

  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
    api = new GraphApi({
      baseUrl: sim.url,
      version: 'v25.0',
      pageToken: 'sim-fb-page-token',
      timeoutMs: 3000,
      now: Date.now,
    });
  });
  afterAll(async () => {
    await sim.close();
  });

  it('pages comments with cursors, goes on past an empty page that still has `next`, and stops when `next` is absent', async () => {
    const post = await control('/_sim/facebook/posts', { message: 'Störung behoben?' });
    const first = await fetchFeed(api, pageId, null);
    expect(first.items).toEqual([]);
    // Old-looking cursor so the post is due; 230 comments need three pages of 100.
    const posts = (first.cursor as { posts: Record<string, Record<string, unknown>> }).posts;
    const cursor = { posts: { [post.id]: { ...posts[post.id], checkedAt: 0 } } };
    for (let i = 0; i < 230; i++)
      await control('/_sim/facebook/comments', {
        post_id: post.id,
        from: { name: `Kunde ${i % 9}` },
        message: `Kommentar ${i}`,
      });
    await control('/_sim/faults', {
      platform: 'facebook',
      endpoint: 'GET /{post-id}/comments',
      kind: 'empty_page',
      count: 1,
    });
    const read = await fetchFeed(api, pageId, cursor);
    const ids = new Set(read.items.map((i) => i.externalId));
    expect(ids.size).toBe(230);
    expect(read.items.every((i) => i.context.contextPost?.externalId === post.id)).toBe(true);
  });
});

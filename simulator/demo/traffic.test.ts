import { type RunningSimulator, startSimulator } from '../server';
import { seededRandom } from './random';
import { startDemoTraffic } from './traffic';

interface Listed {
  id: string;
  text: string;
  author: string;
  in_reply_to: string | null;
}

const BRAND = 'demo_hilft';

let sim: RunningSimulator;

beforeEach(async () => {
  sim = await startSimulator({ port: 0 });
});

afterEach(async () => {
  await sim.close();
});

async function listPosts(author?: string): Promise<Listed[]> {
  const res = await fetch(`${sim.url}/_sim/x/posts${author ? `?author=${author}` : ''}`);
  return ((await res.json()) as { data: Listed[] }).data;
}

async function runUntil(
  count: number,
  seed: number,
  onPost?: (posts: Listed[]) => Promise<void>,
): Promise<Listed[]> {
  const demo = startDemoTraffic({
    simulatorUrl: sim.url,
    brandUsername: BRAND,
    intervalMs: 10,
    random: seededRandom(seed),
  });
  try {
    const until = Date.now() + 10_000;
    for (;;) {
      const posts = (await listPosts()).filter((p) => p.author !== BRAND);
      if (posts.length >= count) return posts.slice(-count).reverse();
      if (Date.now() > until) throw new Error(`only ${posts.length} demo posts arrived`);
      await onPost?.(posts);
      await new Promise((r) => setTimeout(r, 5));
    }
  } finally {
    demo.stop();
  }
}

it('posts customer mentions of the brand, some of them follow-ups in threads with brand replies', async () => {
  const replied = new Set<string>();
  // Play the agent: answer every new opening post, so follow-ups can answer the brand.
  const posts = await runUntil(15, 7, async (seen) => {
    for (const p of seen) {
      if (p.in_reply_to !== null || replied.has(p.id)) continue;
      replied.add(p.id);
      await fetch(`${sim.url}/2/tweets`, {
        method: 'POST',
        headers: { authorization: 'Bearer sim-x-token', 'content-type': 'application/json' },
        body: JSON.stringify({
          text: `Wir kümmern uns, Fall ${p.id}`,
          reply: { in_reply_to_tweet_id: p.id },
        }),
      });
    }
  });

  for (const p of posts) expect(p.text).toContain(`@${BRAND}`);
  const followUps = posts.filter((p) => p.in_reply_to !== null);
  expect(followUps.length).toBeGreaterThanOrEqual(2);
  expect(followUps.length).toBeLessThan(posts.length);
  const brandIds = new Set((await listPosts(BRAND)).map((p) => p.id));
  expect(followUps.some((p) => brandIds.has(p.in_reply_to!))).toBe(true);

  // Every demo post reaches the brand's mention timeline.
  const res = await fetch(`${sim.url}/2/users/${sim.state.brand.id}/mentions?max_results=100`, {
    headers: { authorization: 'Bearer sim-x-token' },
  });
  const mentions = ((await res.json()) as { data: Array<{ id: string }> }).data.map((m) => m.id);
  expect(mentions).toEqual(expect.arrayContaining(posts.map((p) => p.id)));
});

it('is deterministic for a given seed', async () => {
  const first = (await runUntil(8, 42)).map((p) => [p.author, p.text, p.in_reply_to !== null]);
  await fetch(`${sim.url}/_sim/reset`, { method: 'POST' });
  // The traffic stopped between runs; let a tick that was already under way land before resetting again.
  await new Promise((r) => setTimeout(r, 50));
  await fetch(`${sim.url}/_sim/reset`, { method: 'POST' });
  const second = (await runUntil(8, 42)).map((p) => [p.author, p.text, p.in_reply_to !== null]);
  expect(second).toEqual(first);
});

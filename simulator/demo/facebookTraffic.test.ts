import { type RunningSimulator, startSimulator } from '../server';
import { FACEBOOK_DEMO_POSTS, startFacebookDemoTraffic } from './facebookTraffic';
import { seededRandom } from './random';

interface Comment {
  id: string;
  post_id: string;
  parent_id: string | null;
  from: { id: string; name: string };
  message: string;
  by_page: boolean;
}
interface Message {
  psid: string;
  text: string;
  by_page: boolean;
}

let sim: RunningSimulator;

beforeEach(async () => {
  sim = await startSimulator({ port: 0 });
});

afterEach(async () => {
  await sim.close();
});

const get = async <T>(path: string): Promise<T> => (await (await fetch(`${sim.url}${path}`)).json()) as T;
const customerComments = async () =>
  (await get<{ data: Comment[] }>('/_sim/facebook/comments')).data.filter((c) => !c.by_page);
const customerMessages = async () =>
  (await get<{ data: Message[] }>('/_sim/facebook/messages')).data.filter((m) => !m.by_page);

/** Runs the generator until `count` customer actions exist; `onTick` plays the agent meanwhile. */
async function runUntil(count: number, seed: number, onTick?: (comments: Comment[]) => Promise<void>) {
  const log: string[] = [];
  const demo = startFacebookDemoTraffic({
    simulatorUrl: sim.url,
    intervalMs: 10,
    random: seededRandom(seed),
    log: (msg) => log.push(msg),
  });
  try {
    const until = Date.now() + 10_000;
    for (;;) {
      const comments = await customerComments();
      const messages = await customerMessages();
      if (comments.length + messages.length >= count) return { comments, messages, log };
      if (Date.now() > until)
        throw new Error(`only ${comments.length + messages.length} demo actions arrived`);
      await onTick?.(comments);
      await new Promise((r) => setTimeout(r, 5));
    }
  } finally {
    demo.stop();
  }
}

it('posts the Page posts once, then comments, thread replies and Messenger messages', async () => {
  const answered = new Set<string>();
  const { comments, messages } = await runUntil(30, 3, async (seen) => {
    // Play the agent: answer every new top-level comment through the Graph API.
    for (const c of seen) {
      if (c.parent_id !== null || answered.has(c.id)) continue;
      answered.add(c.id);
      await fetch(`${sim.url}/v25.0/${c.id}/comments?access_token=sim-fb-page-token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ message: 'Wir schauen uns das an.' }),
      });
    }
  });
  const posts = (await get<{ data: Array<{ message: string; by_page: boolean }> }>('/_sim/facebook/posts'))
    .data;
  expect(posts.map((p) => p.message).sort()).toEqual(FACEBOOK_DEMO_POSTS.map((p) => p.message).sort());
  expect(posts.every((p) => p.by_page)).toBe(true);

  const replies = comments.filter((c) => c.parent_id !== null);
  expect(replies.length).toBeGreaterThanOrEqual(1);
  expect(replies.length).toBeLessThan(comments.length);
  expect(messages.length).toBeGreaterThanOrEqual(1);
  // Page comments address nobody with an X handle.
  for (const c of comments) expect(c.message).not.toMatch(/@\{?brand|\{\w+\}/);
  for (const m of messages) expect(m.text).not.toMatch(/\{\w+\}/);

  // The comments are readable through the Graph API like any others.
  const [first] = comments;
  const res = await fetch(
    `${sim.url}/v25.0/${first!.post_id}/comments?filter=stream&limit=100&access_token=sim-fb-page-token`,
  );
  const ids = ((await res.json()) as { data: Array<{ id: string }> }).data.map((c) => c.id);
  expect(ids).toContain(first!.id);
});

it('is deterministic for a given seed and reuses existing Page posts', async () => {
  // What the customers did, in order, without the ids (which differ between runs).
  const texts = (r: { log: string[] }) =>
    r.log
      .filter((line) => !line.startsWith('Page post'))
      .map((line) => line.replace(/\(reply to \d+_\d+\)/, '(reply)'))
      .slice(0, 10);
  const first = texts(await runUntil(10, 42));
  await fetch(`${sim.url}/_sim/reset`, { method: 'POST' });
  await new Promise((r) => setTimeout(r, 50));
  await fetch(`${sim.url}/_sim/reset`, { method: 'POST' });
  await fetch(`${sim.url}/_sim/facebook/posts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ message: FACEBOOK_DEMO_POSTS[0]!.message }),
  });
  const second = texts(await runUntil(10, 42));
  expect(second).toEqual(first);
  expect((await get<{ data: unknown[] }>('/_sim/facebook/posts')).data).toHaveLength(
    FACEBOOK_DEMO_POSTS.length,
  );
});

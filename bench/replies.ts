import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { benchDatabaseUrl, ms, percentile, withBenchDatabase } from './benchDatabase';
import { type BenchStack, postMention, startBenchStack } from './benchStack';
import { printTable, recordResults } from './results';

/**
 * Replies: `sends` public replies through the API (`POST /api/conversations/:id/replies`, as the lead,
 * `agents` at a time, each waiting for its reply to appear before sending the next), timed from the POST
 * to the post existing at the simulator (recorded in-process when the simulator creates it). Then a
 * grace period and a count of every brand post per reply: anything posted twice is a duplicate.
 */
const DB_NAME = 'caredesk_bench_replies';

const sleep = (t: number) => new Promise((r) => setTimeout(r, t));

export async function repliesBench(o: {
  sends: number;
  conversations: number;
  agents: number;
  keep: boolean;
  redisUrl: string | null;
}) {
  const figures: Record<string, number | string> = {};
  await withBenchDatabase(DB_NAME, { keep: o.keep, label: 'replies' }, async (db) => {
    const stack = await startBenchStack(db, benchDatabaseUrl(DB_NAME), { accounts: 1, redisUrl: o.redisUrl });
    try {
      const conversationIds = await seedConversations(stack, o.conversations);
      const posted = watchBrandPosts(stack);
      const latencies: number[] = [];
      let next = 0;
      let failed = 0;
      const start = performance.now();
      await Promise.all(
        Array.from({ length: o.agents }, async () => {
          while (next < o.sends) {
            const n = next++;
            const token = `r${n}-${randomUUID().slice(0, 8)}`;
            const t0 = performance.now();
            const res = await stack.api(
              'POST',
              `/api/conversations/${conversationIds[n % conversationIds.length]}/replies`,
              {
                text: `Thanks, we are on it (${token})`,
                takeover: true,
                idempotencyKey: token,
              },
            );
            if (res.status !== 202) {
              if (failed++ === 0) console.warn(`replies: refused with ${res.status}`, res.body);
              continue;
            }
            if (n % 500 === 0) console.info(`replies: ${n}/${o.sends} sent`);
            const at = await posted.waitFor(token, 60_000);
            if (at === null) failed++;
            else latencies.push(at - t0);
          }
        }),
      );
      const seconds = (performance.now() - start) / 1000;
      // Late duplicates (a redelivered job, a sweeper re-enqueue) would show up within a sweep or two.
      await sleep(20_000);
      const sorted = latencies.sort((a, b) => a - b);
      figures.reply_p95_ms = Math.round(percentile(sorted, 95));
      figures.reply_p50_ms = Math.round(percentile(sorted, 50));
      figures.reply_sends = o.sends;
      figures.reply_posted = posted.distinct();
      figures.reply_duplicates = posted.duplicates();
      figures.reply_failed = failed;
      figures.reply_agents = o.agents;
      figures.reply_per_s = Number((sorted.length / seconds).toFixed(1));
      figures.reply_queue_backend = stack.queueKind;
      console.info(
        `replies: ${sorted.length}/${o.sends} posted, p50 ${ms(percentile(sorted, 50))} ms, p95 ` +
          `${ms(percentile(sorted, 95))} ms, duplicates ${posted.duplicates()}, failed ${failed}`,
      );
    } finally {
      await stack.close();
    }
  });
  printTable('Replies (POST reply -> posted at the simulator)', figures);
  recordResults(figures);
}

/** `count` mentions, each a conversation of its own once ingested; returns their ids. */
async function seedConversations(stack: BenchStack, count: number): Promise<string[]> {
  const deadline = Date.now() + 60_000;
  while (!(await stack.core.db('channel_accounts').whereNotNull('poll_cursor').first('id'))) {
    if (Date.now() > deadline) throw new Error('the account never polled');
    await sleep(100);
  }
  for (let i = 0; i < count; i++) {
    postMention(stack.sims[0]!, i, `question ${i}`);
    // At most ~500 new mentions a poll: X reaches only the newest 800.
    if (i % 500 === 499) await sleep(1500);
  }
  console.info(`replies: ${count} mentions posted, waiting for their conversations`);
  const until = Date.now() + 600_000;
  for (;;) {
    const ids = (await stack.core.db('conversations').pluck('id')) as string[];
    if (ids.length >= count) return ids;
    if (Date.now() > until) throw new Error(`only ${ids.length}/${count} conversations ingested`);
    await sleep(500);
  }
}

/** Records when the simulator creates each brand post, by the reply token in its text. */
function watchBrandPosts(stack: BenchStack) {
  const state = stack.sims[0]!.state;
  const seen = new Map<string, number[]>();
  const waiters = new Map<string, (at: number) => void>();
  const createPost = state.createPost.bind(state);
  state.createPost = (input, origin) => {
    const post = createPost(input, origin);
    const token = /\((r\d+-[0-9a-f]{8})\)/.exec(input.text)?.[1];
    if (token && input.authorId === state.brand.id) {
      const at = performance.now();
      seen.set(token, [...(seen.get(token) ?? []), at]);
      waiters.get(token)?.(at);
    }
    return post;
  };
  return {
    waitFor(token: string, timeoutMs: number): Promise<number | null> {
      const already = seen.get(token)?.[0];
      if (already !== undefined) return Promise.resolve(already);
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          waiters.delete(token);
          resolve(null);
        }, timeoutMs);
        waiters.set(token, (at) => {
          clearTimeout(timer);
          waiters.delete(token);
          resolve(at);
        });
      });
    },
    distinct: () => seen.size,
    duplicates: () => [...seen.values()].reduce((n, times) => n + times.length - 1, 0),
  };
}

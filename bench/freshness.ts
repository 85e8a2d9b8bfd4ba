import { performance } from 'node:perf_hooks';
import { benchDatabaseUrl, ms, percentile, withBenchDatabase } from './benchDatabase';
import { type BenchStack, postMention, startBenchStack } from './benchStack';
import { printTable, recordResults } from './results';

/**
 * Freshness: mentions posted at the simulator at a steady rate (20/s, then 200/s) for `seconds`, each
 * timed from the moment it exists at the simulator to the `message.created` event at a connected
 * socket.io client (same process, same clock). One X account polled at its fastest setting
 * (`pollMinIntervalMs` = `pollMaxIntervalMs` = 1 s, the smallest allowed), production workers.
 */
const DB_NAME = 'caredesk_bench_freshness';
const POLL_INTERVAL_MS = 1000;

const sleep = (t: number) => new Promise((r) => setTimeout(r, t));

export async function freshnessBench(o: { seconds: number; keep: boolean; redisUrl: string | null }) {
  const figures: Record<string, number | string> = {};
  await withBenchDatabase(DB_NAME, { keep: o.keep, label: 'freshness' }, async (db) => {
    const stack = await startBenchStack(db, benchDatabaseUrl(DB_NAME), {
      accounts: 1,
      redisUrl: o.redisUrl,
      pollEveryMs: POLL_INTERVAL_MS,
      pollIntervalMs: POLL_INTERVAL_MS,
    });
    try {
      await waitForFirstPoll(stack);
      for (const rate of [20, 200]) {
        const latencies = await measure(stack, rate, o.seconds);
        const sorted = [...latencies].sort((a, b) => a - b);
        figures[`freshness_p95_ms_${rate}_per_s`] = Math.round(percentile(sorted, 95));
        figures[`freshness_p50_ms_${rate}_per_s`] = Math.round(percentile(sorted, 50));
        figures[`freshness_items_${rate}_per_s`] = sorted.length;
        console.info(
          `freshness at ${rate}/s: ${sorted.length} items, p50 ${ms(percentile(sorted, 50))} ms, ` +
            `p95 ${ms(percentile(sorted, 95))} ms, max ${ms(sorted.at(-1) ?? Number.NaN)} ms`,
        );
      }
      figures.freshness_poll_interval_ms = POLL_INTERVAL_MS;
      figures.freshness_queue_backend = stack.queueKind;
    } finally {
      await stack.close();
    }
  });
  printTable('Freshness (post at the simulator -> event at a connected client)', figures);
  recordResults(figures);
}

async function waitForFirstPoll(stack: BenchStack): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!(await stack.core.db('channel_accounts').whereNotNull('poll_cursor').first('id'))) {
    if (Date.now() > deadline) throw new Error('the account never polled');
    await sleep(100);
  }
}

/** Posts `rate` mentions a second for `seconds`, then waits for their events; latencies in ms. */
async function measure(stack: BenchStack, rate: number, seconds: number): Promise<number[]> {
  stack.events.length = 0;
  const postedAt = new Map<string, number>();
  const total = rate * seconds;
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    // Evenly spaced: item i is due at start + i / rate seconds.
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    const id = postMention(stack.sims[0]!, i % 500, `freshness ${rate} ${i}`);
    postedAt.set(id, performance.now());
  }
  const created = () => stack.events.filter((e) => e.event.type === 'message.created');
  const deadline = Date.now() + 120_000;
  while (created().length < total && Date.now() < deadline) await sleep(100);
  const arrivals = new Map(
    created().map((e) => [(e.event as { messageId: string }).messageId, e.at] as const),
  );
  const rows = (await stack.core
    .db('messages')
    .whereIn('id', [...arrivals.keys()])
    .select('id', 'external_id')) as Array<{ id: string; external_id: string }>;
  const latencies: number[] = [];
  for (const r of rows) {
    const posted = postedAt.get(r.external_id);
    const arrived = arrivals.get(r.id);
    if (posted !== undefined && arrived !== undefined) latencies.push(arrived - posted);
  }
  if (latencies.length < total) console.warn(`freshness at ${rate}/s: ${latencies.length}/${total} arrived`);
  return latencies;
}

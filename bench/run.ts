/**
 * `npm run bench [-- --keep] [-- --messages N]`: runs every benchmark and prints its figures. Benchmarks
 * print, they do not assert: timings depend on the machine. Ends with one table of every figure in
 * bench/results.json (this run's and, for benchmarks not run this time, the last recorded ones).
 */
import { existsSync, readFileSync } from 'node:fs';
import { clientSizeBench } from './clientSize';
import { fanoutBench } from './fanout';
import { freshnessBench } from './freshness';
import { inboxBench } from './inbox';
import { ingestBench } from './ingest';
import { repliesBench } from './replies';
import { reportsBench } from './reports';
import { type BenchFigures, printTable, RESULTS_FILE } from './results';
import { searchBench } from './search';

interface Bench {
  name: string;
  run(args: {
    keep: boolean;
    messages: number | null;
    conversations: number | null;
    runs: number | null;
  }): Promise<unknown>;
}

// Explicit list, no directory scanning; add new benchmarks here.
const BENCHES: readonly Bench[] = [
  {
    name: 'search',
    run: ({ keep, messages }) => {
      const total = messages ?? 1_000_000;
      return searchBench({ messages: total, contacts: Math.max(1, Math.round(total / 5)), keep });
    },
  },
  {
    name: 'reports',
    run: ({ keep, conversations }) => reportsBench({ conversations: conversations ?? 3_000_000, keep }),
  },
  {
    // Seeds 3M conversations / 10M messages once (or reuses `npm run bench:seed`'s database).
    name: 'inbox',
    run: ({ keep, conversations, runs }) =>
      inboxBench({ conversations: conversations ?? 3_000_000, keep, runs: runs ?? undefined }),
  },
  {
    name: 'fanout',
    run: ({ keep }) => fanoutBench({ clients: 500, processes: 2, ratePerSecond: 10, seconds: 30, keep }),
  },
  { name: 'client', run: () => clientSizeBench({ build: true }) },
  {
    name: 'ingest',
    run: ({ keep, messages }) =>
      ingestBench({
        items: messages ?? 10_000,
        accounts: Number(option('--accounts') ?? 16),
        ratePerS: Number(option('--rate') ?? 0),
        keep,
        redisUrl: benchRedisUrl(),
      }),
  },
  {
    name: 'freshness',
    run: ({ keep }) =>
      freshnessBench({ seconds: Number(option('--seconds') ?? 20), keep, redisUrl: benchRedisUrl() }),
  },
  {
    name: 'replies',
    run: ({ keep, messages }) =>
      repliesBench({
        sends: messages ?? 10_000,
        conversations: Number(option('--reply-conversations') ?? 1_000),
        agents: Number(option('--agents') ?? 10),
        keep,
        redisUrl: benchRedisUrl(),
      }),
  },
];

/** Redis for the Redis-backend variants: BENCH_REDIS_URL, else REDIS_URL, else local; `none` skips them. */
function benchRedisUrl(): string | null {
  const url = process.env.BENCH_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  return url === 'none' ? null : url;
}

function option(name: string): string | null {
  const i = process.argv.indexOf(name);
  return i === -1 ? null : (process.argv[i + 1] ?? null);
}

async function main(): Promise<void> {
  const keep = process.argv.includes('--keep');
  const messages = option('--messages');
  const conversations = option('--conversations');
  const runs = option('--runs');
  const only = process.argv.slice(2).filter((a) => !a.startsWith('--') && !/^\d+$/.test(a));
  for (const bench of BENCHES) {
    if (only.length > 0 && !only.includes(bench.name)) continue;
    console.info(`== ${bench.name}`);
    await bench.run({
      keep,
      messages: messages === null ? null : Number(messages),
      conversations: conversations === null ? null : Number(conversations),
      runs: runs === null ? null : Number(runs),
    });
  }
  if (existsSync(RESULTS_FILE)) {
    const all = JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as BenchFigures;
    printTable(`Summary (${RESULTS_FILE})`, all);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

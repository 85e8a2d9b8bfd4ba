/**
 * `npm run bench [-- --keep] [-- --messages N]`: runs every benchmark and prints its figures. Benchmarks
 * print, they do not assert: timings depend on the machine.
 */
import { freshnessBench } from './freshness';
import { ingestBench } from './ingest';
import { repliesBench } from './replies';
import { reportsBench } from './reports';
import { searchBench } from './search';

interface Bench {
  name: string;
  run(args: { keep: boolean; messages: number | null; conversations: number | null }): Promise<void>;
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
  const only = process.argv.slice(2).filter((a) => !a.startsWith('--') && !/^\d+$/.test(a));
  for (const bench of BENCHES) {
    if (only.length > 0 && !only.includes(bench.name)) continue;
    console.info(`== ${bench.name}`);
    await bench.run({
      keep,
      messages: messages === null ? null : Number(messages),
      conversations: conversations === null ? null : Number(conversations),
    });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

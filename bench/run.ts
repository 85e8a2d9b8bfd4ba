/**
 * `npm run bench [-- --keep] [-- --messages N]`: runs every benchmark and prints its figures. Benchmarks
 * print, they do not assert: timings depend on the machine. Ends with one table of every figure in
 * bench/results.json (this run's and, for benchmarks not run this time, the last recorded ones).
 */
import { existsSync, readFileSync } from 'node:fs';
import { clientSizeBench } from './clientSize';
import { fanoutBench } from './fanout';
import { inboxBench } from './inbox';
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
];

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

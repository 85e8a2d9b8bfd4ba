/**
 * `npm run bench [-- --keep] [-- --messages N]`: runs every benchmark and prints its figures. Benchmarks
 * print, they do not assert: timings depend on the machine.
 */
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
];

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

import type { Knex } from 'knex';
import type { RunningSimulator } from '../../../simulator/server';
import { simPost } from '../../helpers/sim';

/** What a fault test asserts about inbound mentions, as plain counts (a failure prints them). */
export interface IngestReport {
  expected: number;
  ingested: number;
  lost: number;
  lostSample: string[];
  duplicateMessages: number;
  duplicateConversations: number;
  duplicateInboundItems: number;
  unprocessedInboundItems: number;
  ingestGaps: number;
}

/** Compares the mention ids the simulator holds with what Caredesk stored for the account. */
export async function ingestReport(
  db: Knex,
  accountId: string,
  expectedIds: string[],
): Promise<IngestReport> {
  const stored = new Set(
    (
      await db('messages')
        .where({ channel_account_id: accountId, direction: 'inbound' })
        .select('external_id')
    ).map((r: { external_id: string }) => r.external_id),
  );
  const lost = expectedIds.filter((id) => !stored.has(id));
  const dupCount = async (table: string, column: string) =>
    (
      await db(table)
        .where({ channel_account_id: accountId })
        .whereNotNull(column)
        .groupBy(column)
        .havingRaw('count(*) > 1')
        .select(column)
    ).length;
  const [unprocessed] = await db('inbound_items')
    .where({ channel_account_id: accountId })
    .whereNull('processed_at')
    .count<{ n: number }[]>({ n: '*' });
  const [gaps] = await db('ingest_gaps')
    .where({ channel_account_id: accountId })
    .count<{ n: number }[]>({ n: '*' });
  return {
    expected: expectedIds.length,
    ingested: expectedIds.length - lost.length,
    lost: lost.length,
    lostSample: lost.slice(0, 10),
    duplicateMessages: await dupCount('messages', 'external_id'),
    duplicateConversations: await dupCount('conversations', 'thread_key'),
    duplicateInboundItems: await dupCount('inbound_items', 'external_id'),
    unprocessedInboundItems: Number(unprocessed?.n ?? 0),
    ingestGaps: Number(gaps?.n ?? 0),
  };
}

/** Inbound items fetched (stored by a poll) for the account so far. */
export async function fetchedCount(db: Knex, accountId: string): Promise<number> {
  const [row] = await db('inbound_items')
    .where({ channel_account_id: accountId })
    .count<{ n: number }[]>({ n: '*' });
  return Number(row?.n ?? 0);
}

/** The report a passing run must produce for `expected` mentions. */
export const cleanReport = (expected: number): IngestReport => ({
  expected,
  ingested: expected,
  lost: 0,
  lostSample: [],
  duplicateMessages: 0,
  duplicateConversations: 0,
  duplicateInboundItems: 0,
  unprocessedInboundItems: 0,
  ingestGaps: 0,
});

/**
 * Posts `count` customer mentions of the brand at about `perSecond` (at most), from `customers`
 * different authors, in parallel batches. Returns the simulator's ids in posting order.
 */
export async function streamMentions(
  sim: RunningSimulator,
  opts: {
    count: number;
    perSecond: number;
    /** Distinct authors (default: one per mention, as in a real spike). */
    customers?: number;
    label?: string;
    onProgress?: (n: number) => void;
    /**
     * Back-pressure: how many mentions the platform may hold that Caredesk has not fetched yet. One poll
     * reads at most 9 pages (900 posts) and records a gap beyond that, a different promise tested on its
     * own; a starved machine must not turn this test into that one.
     */
    maxAhead?: { count: number; fetched: () => Promise<number> };
  },
): Promise<string[]> {
  const ids: string[] = [];
  const batch = Math.max(1, Math.round(opts.perSecond / 10));
  const customers = opts.customers ?? opts.count;
  const started = Date.now();
  for (let i = 0; i < opts.count; i += batch) {
    const n = Math.min(batch, opts.count - i);
    const posted = await Promise.all(
      Array.from({ length: n }, (_, k) =>
        simPost(sim, {
          username: `fc_${(i + k) % customers}`,
          text: `@${sim.state.brand.username} ${opts.label ?? 'fault'} mention ${i + k}`,
        }),
      ),
    );
    ids.push(...posted);
    opts.onProgress?.(ids.length);
    const due = started + (ids.length / opts.perSecond) * 1000;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    // The count comes from the database under test, which may be down (PostgreSQL restart): wait then.
    while (opts.maxAhead) {
      const fetched = await opts.maxAhead.fetched().catch(() => null);
      if (fetched !== null && ids.length - fetched <= opts.maxAhead.count) break;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  return ids;
}

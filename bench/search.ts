import { performance } from 'node:perf_hooks';
import { migrateLatest } from '../server/db/migrate';
import { searchInbox } from '../server/services/searchInbox';
import { ms, percentile, withBenchDatabase } from './benchDatabase';
import { loadSearchData } from './searchData';

/**
 * Search at a million messages: creates `caredesk_bench_search`, migrates it with the project's
 * migrations, bulk-loads German/English traffic, ANALYZEs, then runs representative queries through
 * `searchInbox` (what `GET /api/search` runs) and prints p50/p95/max per query. Drops the database at
 * the end unless `keep` is set.
 */

const DB_NAME = 'caredesk_bench_search';
const RUNS_PER_QUERY = 7;

const QUERIES: ReadonlyArray<{ q: string; note: string; page2?: boolean }> = [
  { q: 'Rechnung', note: 'common German word' },
  { q: 'Rechnungen', note: 'German plural, stemmed' },
  { q: 'Rechnung', note: 'second page (cursor)', page2: true },
  { q: 'kein Internet', note: 'two words (AND)' },
  { q: '"kein Internet" Berlin', note: 'phrase + city' },
  { q: 'Router', note: 'common, both languages' },
  { q: 'Vertrag kündigen', note: 'German, two words' },
  { q: 'Störung -behoben', note: 'negation' },
  { q: 'Mahnung or Lastschrift', note: 'OR' },
  { q: 'Rechn', note: 'prefix of the word being typed' },
  { q: 'billing', note: 'English stem (bill)' },
  { q: 'billed twice', note: 'English, two words' },
  { q: 'refund', note: 'English' },
  { q: 'outage Hamburg', note: 'English + city' },
  { q: 'cancel my contract', note: 'English with stop words' },
  { q: 'Rechnung refund', note: 'mixed (no text has both)' },
  { q: 'Router Rechnung', note: 'two common words, rarely together' },
  { q: 'Kundennummer Vertragsnummer', note: 'two common words, never together' },
  { q: 'Müller', note: 'customer name' },
  { q: 'Anna Schmidt', note: 'customer full name' },
  { q: '@jonas_wag', note: 'handle prefix' },
  { q: 'Xylophonorchester', note: 'no match' },
  { q: 'the', note: 'only a stop word' },
];

export interface SearchBenchOptions {
  messages: number;
  contacts: number;
  keep: boolean;
}

export async function searchBench(opts: SearchBenchOptions): Promise<void> {
  await withBenchDatabase(DB_NAME, { keep: opts.keep, label: 'search' }, async (db) => {
    let t = performance.now();
    await migrateLatest(db);
    // Building the GIN indexes once after the load is much faster than maintaining them row by row;
    // they are recreated from their own definitions, so what is measured is what the migration made.
    const { rows: indexes } = (await db.raw(
      "select indexname, indexdef from pg_indexes where indexname in ('messages_search_idx', 'contacts_search_idx')",
    )) as { rows: Array<{ indexname: string; indexdef: string }> };
    for (const i of indexes) await db.raw(`drop index ${i.indexname}`);
    await loadSearchData(db, { contacts: opts.contacts, messages: opts.messages });
    console.info(
      `search: loaded ${opts.messages} messages, ${opts.contacts} conversations/contacts in ${((performance.now() - t) / 1000).toFixed(0)} s`,
    );
    t = performance.now();
    await db.transaction(async (trx) => {
      await trx.raw("set local maintenance_work_mem = '256MB'");
      for (const i of indexes) await trx.raw(i.indexdef);
    });
    await db.raw('vacuum analyze messages');
    await db.raw('vacuum analyze contacts');
    await db.raw('vacuum analyze conversations');
    const { rows: size } = (await db.raw(
      "select pg_size_pretty(pg_total_relation_size('messages')) as messages, pg_size_pretty(pg_relation_size('messages_search_idx')) as gin",
    )) as { rows: Array<{ messages: string; gin: string }> };
    console.info(
      `search: indexes + analyze in ${((performance.now() - t) / 1000).toFixed(0)} s; messages ${size[0]?.messages} (GIN ${size[0]?.gin})`,
    );

    console.info(`\n${'query'.padEnd(34)} ${'note'.padEnd(32)} conv  cust      p50      p95      max  (ms)`);
    const all: number[] = [];
    for (const query of QUERIES) {
      let cursor: string | undefined;
      if (query.page2) {
        const first = await searchInbox(db, { q: query.q, limit: 20 });
        cursor = first.nextCursor ?? undefined;
      }
      const times: number[] = [];
      let conv = 0;
      let cust = 0;
      for (let run = 0; run < RUNS_PER_QUERY; run++) {
        const start = performance.now();
        const result = await searchInbox(db, { q: query.q, limit: 20, cursor });
        times.push(performance.now() - start);
        conv = result.conversations.length;
        cust = result.customers.length;
      }
      times.sort((a, b) => a - b);
      all.push(...times);
      console.info(
        `${query.q.padEnd(34)} ${query.note.padEnd(32)} ${String(conv).padStart(4)} ${String(cust).padStart(5)} ${ms(percentile(times, 50))} ${ms(percentile(times, 95))} ${ms(times[times.length - 1] ?? 0)}`,
      );
    }
    all.sort((a, b) => a - b);
    console.info(
      `${'all queries'.padEnd(34)} ${`${all.length} runs`.padEnd(32)}            ${ms(percentile(all, 50))} ${ms(percentile(all, 95))} ${ms(all[all.length - 1] ?? 0)}`,
    );
  });
}

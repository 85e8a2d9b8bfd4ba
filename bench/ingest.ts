import { performance } from 'node:perf_hooks';
import type { Knex } from 'knex';
import { benchDatabaseUrl, withBenchDatabase } from './benchDatabase';
import { type BenchStack, postMention, startBenchStack } from './benchStack';
import { printTable, recordResults } from './results';

/**
 * Ingest throughput, end to end: `items` mentions are posted at the simulators (spread over
 * `accounts` X accounts, offered at `ratePerS`, or all at once with 0: held at the simulators, at most
 * 700 an account so that one poll reaches them all), the real workers poll and ingest them on the
 * production path, and a socket.io client connected to the real server counts `message.created`
 * events; items/s runs from the first event to the last. Then, in the same database, the same rows
 * (contact, conversation, message per item) are inserted again with multi-row INSERTs in batches of a
 * poll page: the ceiling. Runs with the Redis queue backend (production) and the PostgreSQL one.
 */
const DB_NAME = 'caredesk_bench_ingest';
const BATCH = 800;

export interface IngestOptions {
  items: number;
  accounts: number;
  ratePerS: number;
  keep: boolean;
  redisUrl: string | null;
}

interface IngestRun {
  items: number;
  events: number;
  itemsPerS: number;
  seconds: number;
  gaps: number;
  rawRowsPerS: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function ingestBench(o: IngestOptions): Promise<void> {
  const figures: Record<string, number | string> = {};
  const variants: Array<'redis' | 'postgres'> = o.redisUrl ? ['redis', 'postgres'] : ['postgres'];
  for (const kind of variants) {
    const run = await ingestRun({ ...o, redisUrl: kind === 'redis' ? o.redisUrl : null });
    const suffix = kind === 'redis' ? '' : '_pg_queue';
    figures[`ingest_items_per_s${suffix}`] = Math.round(run.itemsPerS);
    figures[`ingest_items${suffix}`] = run.items;
    figures[`ingest_events${suffix}`] = run.events;
    figures[`ingest_gaps${suffix}`] = run.gaps;
    figures[`ingest_seconds${suffix}`] = Number(run.seconds.toFixed(1));
    if (kind === variants[0]) {
      figures.raw_insert_rows_per_s = Math.round(run.rawRowsPerS);
      figures.ingest_queue_backend = kind;
    } else {
      figures[`raw_insert_rows_per_s${suffix}`] = Math.round(run.rawRowsPerS);
    }
  }
  figures.ingest_accounts = o.accounts;
  figures.ingest_offered_per_s = o.ratePerS;
  figures.ingest_vs_raw_ratio = Number(
    ((figures.ingest_items_per_s as number) / (figures.raw_insert_rows_per_s as number)).toFixed(3),
  );
  printTable('Ingest (simulator -> committed rows -> socket event)', figures);
  recordResults(figures);
}

async function ingestRun(o: IngestOptions): Promise<IngestRun> {
  let result: IngestRun | null = null;
  await withBenchDatabase(DB_NAME, { keep: o.keep, label: 'ingest' }, async (db) => {
    const stack = await startBenchStack(db, benchDatabaseUrl(DB_NAME), {
      accounts: o.accounts,
      redisUrl: o.redisUrl,
    });
    try {
      await warmUp(stack);
      const { events, seconds } = await spike(stack, o);
      const gaps = await stack.core.db('ingest_gaps').count<{ count: string }[]>({ count: '*' });
      const dup = await stack.core.db.raw(
        `select count(*) - count(distinct (channel_account_id, external_id)) as d from messages`,
      );
      if (Number(dup.rows[0].d) !== 0) throw new Error('duplicate messages after ingest');
      const rawRowsPerS = await rawInsert(stack.core.db);
      result = {
        items: o.items,
        events,
        itemsPerS: (events - 1) / seconds,
        seconds,
        gaps: Number(gaps[0]?.count ?? 0),
        rawRowsPerS,
      };
      console.info(
        `ingest (${stack.queueKind} queue): ${events}/${o.items} events in ${seconds.toFixed(1)} s = ` +
          `${result.itemsPerS.toFixed(0)} items/s; raw insert ${rawRowsPerS.toFixed(0)} rows/s`,
      );
    } finally {
      await stack.close();
    }
  });
  if (!result) throw new Error('ingest run produced no figures');
  return result;
}

const created = (stack: BenchStack) => stack.events.filter((e) => e.event.type === 'message.created');

/** One mention per account, until each has polled once (its cursor starts then) and ingested it. */
async function warmUp(stack: BenchStack): Promise<void> {
  const deadline = Date.now() + 60_000;
  const cursors = async () =>
    (
      await stack.core.db('channel_accounts').whereNotNull('poll_cursor').count<{ c: string }[]>({ c: '*' })
    )[0]?.c;
  while (Number(await cursors()) < stack.sims.length) {
    if (Date.now() > deadline) throw new Error('accounts never polled');
    await sleep(200);
  }
  await sleep(1500);
  for (const [i, sim] of stack.sims.entries()) postMention(sim, i, `warm-up ${i}`);
  while (created(stack).length < stack.sims.length) {
    if (Date.now() > deadline) throw new Error('warm-up mentions never arrived');
    await sleep(100);
  }
  stack.events.length = 0;
}

/** Offers `items` mentions at `ratePerS` (every 100 ms a slice, round robin) and waits for their events. */
async function spike(stack: BenchStack, o: IngestOptions): Promise<{ events: number; seconds: number }> {
  // Rate 0: every mention at once (held at the simulators; at most 700 an account, under X's 800).
  const perTick = o.ratePerS > 0 ? Math.max(1, Math.round(o.ratePerS / 10)) : o.items;
  if (o.ratePerS <= 0 && o.items > stack.sims.length * 700)
    throw new Error(`a burst of ${o.items} needs at least ${Math.ceil(o.items / 700)} accounts`);
  let posted = 0;
  const start = performance.now();
  while (posted < o.items) {
    const n = Math.min(perTick, o.items - posted);
    for (let k = 0; k < n; k++, posted++) {
      postMention(stack.sims[posted % stack.sims.length]!, posted % 5000, `need help with order ${posted}`);
    }
    const next = start + (posted / perTick) * 100;
    await sleep(Math.max(0, next - performance.now()));
  }
  let last = -1;
  let lastChange = Date.now();
  for (;;) {
    const n = created(stack).length;
    if (n >= o.items) break;
    if (n !== last) {
      last = n;
      lastChange = Date.now();
    } else if (Date.now() - lastChange > 30_000) {
      console.warn(`ingest: stalled at ${n}/${o.items} events`);
      break;
    }
    await sleep(100);
  }
  const got = created(stack);
  const seconds = ((got.at(-1)?.at ?? 0) - (got[0]?.at ?? 0)) / 1000;
  return { events: got.length, seconds };
}

/**
 * The ceiling: the rows the run ingested, inserted again as multi-row INSERTs (contacts upserted, then
 * conversations, then messages; one transaction per batch of a poll page) under new keys. Returns
 * items (message + conversation + contact) per second.
 */
async function rawInsert(db: Knex): Promise<number> {
  const rows = (await db.raw(`select m.channel_account_id, m.external_id, m.text, m.raw, m.context, m.channel,
      m.author_name, m.author_handle, m.platform_created_at, c.thread_key, k.platform, k.platform_user_id,
      k.handle, k.name
    from messages m join conversations c on c.id = m.conversation_id
    join contacts k on k.id = m.author_contact_id where m.direction = 'inbound'`)) as {
    rows: Array<Record<string, unknown>>;
  };
  const start = performance.now();
  for (let i = 0; i < rows.rows.length; i += BATCH) {
    const batch = rows.rows.slice(i, i + BATCH);
    await db.transaction(async (trx) => {
      const contacts = new Map<string, Record<string, unknown>>();
      for (const r of batch) {
        contacts.set(`raw-${r.platform_user_id}`, {
          platform: r.platform,
          platform_user_id: `raw-${r.platform_user_id}`,
          handle: r.handle,
          name: r.name,
        });
      }
      const contactIds = (await trx('contacts')
        .insert([...contacts.values()])
        .onConflict(['platform', 'platform_user_id'])
        .merge(['updated_at'])
        .returning(['id', 'platform_user_id'])) as Array<{ id: string; platform_user_id: string }>;
      const contactOf = new Map(contactIds.map((c) => [c.platform_user_id, c.id]));
      const conversations = (await trx('conversations')
        .insert(
          batch.map((r) => ({
            channel_account_id: r.channel_account_id,
            contact_id: contactOf.get(`raw-${r.platform_user_id}`),
            thread_key: `raw-${r.thread_key}`,
            status: 'new',
            snippet: String(r.text).slice(0, 200),
          })),
        )
        .returning('id')) as Array<{ id: string }>;
      await trx('messages').insert(
        batch.map((r, j) => ({
          conversation_id: conversations[j]!.id,
          channel_account_id: r.channel_account_id,
          direction: 'inbound',
          channel: r.channel,
          context: JSON.stringify(r.context ?? null),
          external_id: `raw-${r.external_id}`,
          author_contact_id: contactOf.get(`raw-${r.platform_user_id}`),
          author_name: r.author_name,
          author_handle: r.author_handle,
          text: r.text,
          raw: JSON.stringify(r.raw ?? null),
          platform_created_at: r.platform_created_at,
        })),
      );
    });
  }
  return rows.rows.length / ((performance.now() - start) / 1000);
}

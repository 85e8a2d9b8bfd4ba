import { performance } from 'node:perf_hooks';
import type { Knex } from 'knex';
import type { ConversationListResponse } from '../common/types';
import { createDb } from '../server/db/knex';
import { ms, percentile } from './benchDatabase';
import { sessionCookies, startBenchWeb } from './benchWeb';
import { type BenchFigures, recordResults } from './results';
import { openSeed, seedUrl } from './seedInbox';

/**
 * Inbox list and 30-day report at scale (3M conversations / 10M messages by default), through the HTTP
 * API of the real app with signed-in agents and leads: routing, session check, permission guard, zod,
 * the list query (server/db/repositories/conversationList.ts) or the report service, JSON.
 * `inbox_list_p95_ms` is the p95 over all list requests of every case; `report_30d_p95_ms` over all
 * report requests (by day, agent, team, all metrics).
 */
const LIST_RUNS = 40;
const REPORT_RUNS = 10;
const WARMUP = 3;

interface ListCase {
  name: string;
  who: 'agent' | 'lead';
  query: string;
  /** Time the second page (keyset cursor of the first) instead of the first. */
  secondPage?: boolean;
}

const LIST_CASES: ListCase[] = [
  { name: 'agent Unassigned (waiting)', who: 'agent', query: 'status=unassigned' },
  { name: 'agent Mine (waiting)', who: 'agent', query: 'status=mine' },
  { name: 'agent My teams (SLA due)', who: 'agent', query: 'status=teams&sort=sla' },
  { name: 'agent All open (SLA due)', who: 'agent', query: 'status=open&sort=sla' },
  { name: 'agent All open, page 2', who: 'agent', query: 'status=open', secondPage: true },
  { name: 'agent open, tag=billing', who: 'agent', query: 'status=open&tag=billing' },
  { name: 'agent open, priority=high', who: 'agent', query: 'status=open&priority=high&sort=sla' },
  { name: 'lead All open (waiting)', who: 'lead', query: 'status=open' },
  { name: 'lead All open, page 2', who: 'lead', query: 'status=open&sort=sla', secondPage: true },
  { name: 'lead Unassigned, breached', who: 'lead', query: 'status=unassigned&sla=breached' },
  { name: 'lead All (updated), page 2', who: 'lead', query: 'status=all', secondPage: true },
];

async function timedGet(url: string, cookie: string): Promise<{ ms: number; body: unknown }> {
  const start = performance.now();
  const res = await fetch(url, { headers: { cookie } });
  const body = (await res.json()) as unknown;
  const elapsed = performance.now() - start;
  if (res.status !== 200) throw new Error(`${url}: ${res.status} ${JSON.stringify(body)}`);
  return { ms: elapsed, body };
}

const summary = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted[sorted.length - 1] ?? 0 };
};

async function users(db: Knex): Promise<{ agents: string[]; leads: string[] }> {
  const rows = (await db('users').select('id', 'role').orderBy('email')) as Array<{
    id: string;
    role: string;
  }>;
  return {
    agents: rows.filter((r) => r.role === 'agent').map((r) => r.id),
    leads: rows.filter((r) => r.role === 'lead').map((r) => r.id),
  };
}

async function listBench(
  base: string,
  cookies: { agent: string[]; lead: string[] },
  runs: number,
): Promise<number[]> {
  const all: number[] = [];
  console.info(`\n${'inbox list (50 per page)'.padEnd(32)}  items      p50      p95      max  (ms)`);
  for (const c of LIST_CASES) {
    const times: number[] = [];
    let items = 0;
    for (let i = 0; i < WARMUP + runs; i++) {
      // A different agent (or lead) each time: different teams, assignments and visible accounts.
      const pool = cookies[c.who];
      const cookie = pool[i % pool.length] ?? '';
      let url = `${base}/api/conversations?${c.query}&limit=50`;
      if (c.secondPage) {
        const first = (await timedGet(url, cookie)).body as ConversationListResponse;
        if (first.nextCursor) url += `&cursor=${encodeURIComponent(first.nextCursor)}`;
      }
      const { ms: elapsed, body } = await timedGet(url, cookie);
      items = (body as ConversationListResponse).items.length;
      if (i >= WARMUP) times.push(elapsed);
    }
    all.push(...times);
    const s = summary(times);
    console.info(`${c.name.padEnd(32)} ${String(items).padStart(6)} ${ms(s.p50)} ${ms(s.p95)} ${ms(s.max)}`);
  }
  return all;
}

async function reportBench(base: string, leads: string[]): Promise<number[]> {
  const to = new Date();
  const from = new Date(to.getTime() - 29 * 86_400_000);
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const all: number[] = [];
  console.info(`\n${'30-day report, all metrics'.padEnd(32)} groups      p50      p95      max  (ms)`);
  for (const groupBy of ['day', 'agent', 'team']) {
    const times: number[] = [];
    let groups = 0;
    for (let i = 0; i < 1 + REPORT_RUNS; i++) {
      const url = `${base}/api/reports?from=${day(from)}&to=${day(to)}&groupBy=${groupBy}&metric=all`;
      const { ms: elapsed, body } = await timedGet(url, leads[i % leads.length] ?? '');
      groups = (body as { groups: unknown[] }).groups.length;
      if (i >= 1) times.push(elapsed);
    }
    all.push(...times);
    const s = summary(times);
    console.info(
      `${`by ${groupBy}`.padEnd(32)} ${String(groups).padStart(6)} ${ms(s.p50)} ${ms(s.p95)} ${ms(s.max)}`,
    );
  }
  return all;
}

export async function inboxBench(opts: {
  conversations: number;
  keep: boolean;
  /** Timed requests per list case (default 40). */
  runs?: number;
}): Promise<BenchFigures> {
  const seed = await openSeed(opts);
  console.info(
    `inbox: ${seed.reused ? 'reusing' : 'seeded'} ${seed.info.conversations} conversations, ${seed.info.messages} messages, ${seed.info.contacts} customers (seeded in ${seed.info.seconds} s)`,
  );
  const db = createDb({ url: seedUrl(opts.conversations), poolMax: 4 });
  const web = await startBenchWeb({ db, databaseUrl: seedUrl(opts.conversations) });
  try {
    const { agents, leads } = await users(db);
    const cookies = await sessionCookies(db, [...agents, ...leads]);
    const base = `http://127.0.0.1:${web.port}`;
    const pick = (ids: string[]) => ids.map((id) => cookies.get(id) ?? '');
    const listTimes = await listBench(
      base,
      { agent: pick(agents), lead: pick(leads) },
      opts.runs ?? LIST_RUNS,
    );
    const reportTimes = await reportBench(base, pick(leads));
    const figures: BenchFigures = {
      inbox_list_p95_ms: round1(summary(listTimes).p95),
      inbox_list_p50_ms: round1(summary(listTimes).p50),
      report_30d_p95_ms: round1(summary(reportTimes).p95),
      seed_conversations: seed.info.conversations,
      seed_messages: seed.info.messages,
      seed_contacts: seed.info.contacts,
      seed_seconds: seed.info.seconds,
    };
    await db('sessions').delete();
    recordResults(figures);
    return figures;
  } finally {
    await web.close();
    await db.destroy();
    await seed.release();
  }
}

const round1 = (n: number) => Math.round(n * 10) / 10;

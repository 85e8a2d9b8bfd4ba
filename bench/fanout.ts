import { type ChildProcess, fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { Knex } from 'knex';
import { migrateLatest } from '../server/db/migrate';
import { updateConversationFields } from '../server/services/updateConversationFields';
import { benchDatabaseUrl, percentile, withBenchDatabase } from './benchDatabase';
import { sessionCookies } from './benchWeb';
import { type BenchFigures, recordResults } from './results';

/**
 * Fan-out: one real web server process, `clients` signed-in agents connected over socket.io from
 * `processes` other processes, and conversation changes committed by the real service
 * (updateConversationFields: transaction, version bump, NOTIFY) at `ratePerSecond` for `seconds`.
 * Latency is from the commit returning to each client's receipt; the p95 is over every receipt.
 * The server's CPU is read from /proc/<pid>/stat over the firing window, as % of one core. All of it
 * shares this machine's 2 cores (clients, PostgreSQL and the firing loop included).
 */
const DB_NAME = 'caredesk_bench_fanout';
const CLK_TCK = 100;

interface FanoutOptions {
  clients: number;
  processes: number;
  ratePerSecond: number;
  seconds: number;
}

const clock = () => performance.timeOrigin + performance.now();
const sleep = (msec: number) => new Promise((resolve) => setTimeout(resolve, msec));

/** User + system CPU seconds of a process so far. */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) in parentheses; utime and stime are 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
}

function forkBench(script: string, args: string[]): ChildProcess {
  return fork(new URL(script, import.meta.url).pathname, args, {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

function nextMessage<T>(child: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: { type: string; message?: string }) => {
      if (message.type === 'error') reject(new Error(message.message));
      if (message.type !== type) return;
      child.off('message', onMessage);
      resolve(message as T);
    };
    child.on('message', onMessage);
    child.once('exit', (code) => reject(new Error(`bench child exited (${code}) before "${type}"`)));
  });
}

async function seed(db: Knex, opts: FanoutOptions): Promise<{ agents: string[]; conversations: string[] }> {
  await migrateLatest(db);
  // One channel account in no team: every agent may see it, so every agent gets every event.
  await db.raw(`insert into channel_accounts (platform, handle, external_user_id, status)
    values ('x', 'brand', 'ext-brand', 'active')`);
  await db.raw(`insert into contacts (platform, platform_user_id, handle) values ('x', 'u1', 'customer')`);
  await db.raw(`insert into users (email, name, initials, role)
    select 'agent' || g || '@bench', 'Agent ' || g, 'A' || (g % 100), 'agent' from generate_series(1, ${opts.clients}) g`);
  await db.raw(`insert into conversations (channel_account_id, contact_id, thread_key, status, waiting_since)
    select (select id from channel_accounts), (select id from contacts), 't' || g, 'open', now()
    from generate_series(1, 50) g`);
  return {
    agents: (await db('users').orderBy('email').pluck('id')) as string[],
    conversations: (await db('conversations').orderBy('thread_key').pluck('id')) as string[],
  };
}

export async function fanoutBench(opts: FanoutOptions & { keep: boolean }): Promise<BenchFigures> {
  let figures: BenchFigures = {};
  await withBenchDatabase(DB_NAME, { keep: opts.keep, label: 'fanout' }, async (db) => {
    const { agents, conversations } = await seed(db, opts);
    const cookies = [...(await sessionCookies(db, agents)).values()];
    const server = forkBench('./fanoutServer.ts', [benchDatabaseUrl(DB_NAME)]);
    const clients: ChildProcess[] = [];
    try {
      const { port } = await nextMessage<{ port: number }>(server, 'listening');
      const serverPid = server.pid ?? 0;
      const commits = new Map<string, number>();
      // Matched with the commit times at the end: under load a client can report an event before this
      // process has run the code after its own commit.
      const received: Array<[string, number]> = [];
      const onReceipts = (message: { type: string; receipts?: Array<[string, number]> }) => {
        if (message.type === 'receipts' && message.receipts) received.push(...message.receipts);
      };

      let t = performance.now();
      const per = Math.ceil(opts.clients / opts.processes);
      for (let i = 0; i < opts.processes; i++) {
        const child = forkBench('./fanoutClients.ts', []);
        child.on('message', onReceipts);
        clients.push(child);
      }
      await Promise.all(
        clients.map((child, i) => {
          const connected = nextMessage<{ count: number }>(child, 'connected');
          child.send({
            type: 'start',
            url: `http://127.0.0.1:${port}`,
            cookies: cookies.slice(i * per, (i + 1) * per),
          });
          return connected;
        }),
      );
      server.send({ type: 'clients' });
      const { count } = await nextMessage<{ count: number }>(server, 'clients');
      console.info(
        `fanout: ${count} sockets connected to server pid ${serverPid} from ${opts.processes} processes in ${((performance.now() - t) / 1000).toFixed(1)} s`,
      );
      await sleep(2000);

      // Fire: a tag change on one of the conversations every 1/rate s, on a fixed schedule.
      const versions = new Map(conversations.map((id) => [id, 1]));
      const total = opts.ratePerSecond * opts.seconds;
      const cpuStart = cpuSeconds(serverPid);
      t = performance.now();
      for (let i = 0; i < total; i++) {
        const due = t + (i * 1000) / opts.ratePerSecond;
        const wait = due - performance.now();
        if (wait > 0) await sleep(wait);
        const id = conversations[i % conversations.length] ?? '';
        const version = (versions.get(id) ?? 1) + 1;
        await updateConversationFields(db, {
          conversationId: id,
          userId: agents[0] ?? '',
          changes: { tags: [`bench-${i}`] },
        });
        versions.set(id, version);
        commits.set(`${id}:${version}`, clock());
      }
      const window = (performance.now() - t) / 1000;
      const cpu = cpuSeconds(serverPid) - cpuStart;
      await sleep(3000);
      await Promise.all(
        clients.map((child) => {
          const stopped = nextMessage(child, 'stopped');
          child.send({ type: 'stop' });
          return stopped;
        }),
      );
      await sleep(2000);

      const receipts = received.length;
      const latencies: number[] = [];
      for (const [key, at] of received) {
        const committed = commits.get(key);
        // Received before the commit call returned here: the event left with the commit, latency ~0.
        if (committed !== undefined) latencies.push(Math.max(0, at - committed));
      }
      latencies.sort((a, b) => a - b);
      const expected = total * count;
      const cpuPct = (cpu / window) * 100;
      console.info(
        `fanout: ${total} events in ${window.toFixed(1)} s to ${count} clients: ${receipts} of ${expected} receipts; latency p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, max ${(latencies[latencies.length - 1] ?? 0).toFixed(1)} ms; server CPU ${cpuPct.toFixed(1)} % of one core`,
      );
      figures = {
        fanout_p95_ms_500_clients: Math.round(percentile(latencies, 95) * 10) / 10,
        fanout_p50_ms_500_clients: Math.round(percentile(latencies, 50) * 10) / 10,
        fanout_server_cpu_pct: Math.round(cpuPct * 10) / 10,
        fanout_clients: count,
        fanout_events: total,
        fanout_missing_receipts: expected - latencies.length,
        fanout_unmatched_receipts: receipts - latencies.length,
        fanout_client_processes: opts.processes,
      };
      recordResults(figures);
    } finally {
      for (const child of clients) if (child.exitCode === null) child.kill();
      if (server.exitCode === null) {
        const exited = new Promise((resolve) => server.once('exit', resolve));
        server.send({ type: 'stop' });
        await Promise.race([exited, sleep(10_000)]);
        if (server.exitCode === null) server.kill();
      }
    }
  });
  return figures;
}

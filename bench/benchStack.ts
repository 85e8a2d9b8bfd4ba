import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import type { Knex } from 'knex';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { REALTIME_EVENT, type RealtimeEvent } from '../common/types';
import { migrateLatest } from '../server/db/migrate';
import { updateAccountSettings } from '../server/db/repositories/channelAccounts';
import { createLogger } from '../server/logger';
import { connectXAccount } from '../server/runtime/accounts';
import { type Core, createCore } from '../server/runtime/core';
import { createSessionStore } from '../server/runtime/sessionStore';
import { DEMO_PASSWORD, seedDemoUsers } from '../server/runtime/users';
import { type RunningWeb, startWeb } from '../server/runtime/web';
import { createSecretBox } from '../server/security/secretBox';
import { type RunningSimulator, startSimulator } from '../simulator/server';
import { type RunningWorkers, startWorkers } from '../workers/startWorkers';

/**
 * The product as it runs in production, in this process, against a bench database: web server, workers
 * (default concurrency), queues on PostgreSQL or Redis, and `accounts` X accounts, each on a simulator
 * of its own (X lets one client read only the newest 800 mentions of an account per poll, so a
 * throughput beyond ~800 items/s needs several accounts). One HTTP front routes each API call to its
 * account's simulator by bearer token, since the adapters have a single X base URL.
 */
export interface BenchStack {
  core: Core;
  web: RunningWeb;
  workers: RunningWorkers;
  sims: RunningSimulator[];
  accountIds: string[];
  queueKind: 'postgres' | 'redis';
  /** A socket.io client logged in as the demo lead, and every event it received with its arrival time. */
  events: Array<{ at: number; event: RealtimeEvent }>;
  cookie: string;
  api(method: string, url: string, body?: unknown): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

const generous = { limit: 100_000_000, windowMs: 15 * 60_000 };

export async function startBenchStack(
  db: Knex,
  databaseUrl: string,
  opts: { accounts: number; redisUrl: string | null; pollEveryMs?: number; pollIntervalMs?: number },
): Promise<BenchStack> {
  await migrateLatest(db);
  const sims: RunningSimulator[] = [];
  for (let i = 0; i < opts.accounts; i++) {
    sims.push(
      await startSimulator({
        port: 0,
        brand: {
          id: String(1_600_000_000_000_000_001n + BigInt(i)),
          username: `bench_brand${i}`,
          name: `B${i}`,
        },
        bearerTokens: [`bench-token-${i}`],
        rateLimits: {
          'GET /2/users/:id/mentions': generous,
          'GET /2/users/:id/tweets': generous,
          'GET /2/dm_events': generous,
          'GET /2/users/me': generous,
          'POST /2/tweets': generous,
        },
      }),
    );
  }
  const front = await startFront(sims);
  const logger = createLogger(process.env.BENCH_LOG_LEVEL ?? 'silent');
  const prefix = `cdbench${randomBytes(4).toString('hex')}`;
  const core = createCore({
    env: { REDIS_URL: opts.redisUrl ?? undefined, QUEUE_PREFIX: prefix },
    logger,
    databaseUrl,
    secretBox: createSecretBox([randomBytes(32)]),
    xApiBaseUrl: front.url,
    retry: { outboundAttempts: 3, outboundBackoffMs: 500 },
    requestTimeoutMs: 10_000,
  });
  const accountIds: string[] = [];
  for (let i = 0; i < opts.accounts; i++) {
    const account = await connectXAccount(
      { db: core.db, secretBox: core.secretBox, xApiBaseUrl: front.url },
      { kind: 'oauth2', accessToken: `bench-token-${i}` },
    );
    const interval = opts.pollIntervalMs ?? 1000;
    await updateAccountSettings(core.db, account.id, {
      pollMinIntervalMs: interval,
      pollMaxIntervalMs: interval,
      dmPollMinIntervalMs: 60_000,
      // Caredesk's own send budget (X's 100 posts a day per user) would stop the reply benchmark at 100.
      postsPer24h: 1_000_000,
    });
    accountIds.push(account.id);
  }
  await seedDemoUsers(core.db);
  const workers = await startWorkers({ ...core, pollEveryMs: opts.pollEveryMs ?? 1000 });
  const sessions = createSessionStore(core.db, { redisUrl: undefined, prefix });
  const web = await startWeb({
    sessionStore: sessions.store,
    db: core.db,
    queues: core.queues,
    adapters: core.adapters,
    pingQueue: () => core.queues.ping(),
    logger,
    sessionTtlMs: 3600_000,
    secureCookies: false,
    clientDir: null,
    channelConnection: {
      secretBox: core.secretBox,
      xOAuth: null,
      endpoints: { xApiBaseUrl: front.url, fbGraphBaseUrl: front.url, fbGraphVersion: 'v25.0' },
    },
    databaseUrl,
    port: 0,
    host: '127.0.0.1',
  });
  const cookie = await login(web.url, 'lea@demo.caredesk');
  const events: BenchStack['events'] = [];
  const socket: Socket = connectSocket(web.url, { transports: ['websocket'], extraHeaders: { cookie } });
  socket.on(REALTIME_EVENT, (event: RealtimeEvent) => events.push({ at: performance.now(), event }));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });

  return {
    core,
    web,
    workers,
    sims,
    accountIds,
    queueKind: core.queues.kind,
    events,
    cookie,
    async api(method, url, body) {
      const res = await fetch(`${web.url}${url}`, {
        method,
        headers: { cookie, 'content-type': 'application/json', 'x-caredesk-request': '1' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null };
    },
    async close() {
      socket.disconnect();
      await web.close();
      await sessions.close();
      await workers.close();
      await core.queues.close();
      await core.db.destroy();
      await front.close();
      for (const sim of sims) await sim.close();
      if (opts.redisUrl) await deleteRedisPrefix(opts.redisUrl, prefix);
    },
  };
}

async function login(webUrl: string, email: string): Promise<string> {
  const res = await fetch(`${webUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-caredesk-request': '1' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error('login set no cookie');
  return cookie;
}

/** Forwards each request to the simulator whose bearer token it carries (`bench-token-<i>`). */
async function startFront(sims: RunningSimulator[]): Promise<{ url: string; close(): Promise<void> }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const server = http.createServer((req, res) => {
    const match = /bench-token-(\d+)/.exec(req.headers.authorization ?? '');
    const sim = sims[match ? Number(match[1]) : 0]!;
    const upstream = http.request(
      { host: '127.0.0.1', port: sim.port, method: req.method, path: req.url, headers: req.headers, agent },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        agent.destroy();
        server.close(() => resolve());
      }),
  };
}

async function deleteRedisPrefix(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** Adds a customer's mention of the brand at the simulator, in-process (as the control API would). */
export function postMention(sim: RunningSimulator, customer: number, text: string): string {
  const author = sim.state.upsertCustomer({ username: `cust${customer}`, name: `Customer ${customer}` });
  const brand = sim.state.brand;
  return sim.state.createPost(
    { authorId: author.id, text: `@${brand.username} ${text}`, inReplyToPostId: null },
    'control',
  ).id;
}

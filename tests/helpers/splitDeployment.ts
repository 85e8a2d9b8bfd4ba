import { randomBytes } from 'node:crypto';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { REALTIME_EVENT, type RealtimeEvent } from '../../common/types';
import { updateAccountSettings } from '../../server/db/repositories/channelAccounts';
import { connectXAccount } from '../../server/runtime/accounts';
import { DEMO_PASSWORD, seedDemoUsers } from '../../server/runtime/users';
import { createSecretBox } from '../../server/security/secretBox';
import { DEFAULT_BEARER_TOKEN } from '../../simulator/options';
import { type RunningSimulator, startSimulator } from '../../simulator/server';
import { type AppProcess, startAppProcess } from './appProcess';
import { createTestDatabase, type TestDatabase } from './db';
import { deleteRedisPrefix } from './stack';

/**
 * What `npm run start:server` and `npm run start:worker` processes share in a test: a fresh database
 * with one X account (the simulator) and the demo users, a Redis key prefix, the encryption key, and
 * the environment that points processes at all of it.
 */
export interface SplitDeployment {
  database: TestDatabase;
  sim: RunningSimulator;
  prefix: string;
  channelAccountId: string;
  /** The environment of every process (DATABASE_URL, REDIS_URL, QUEUE_PREFIX, keys, endpoints). */
  env: Record<string, string>;
  start(kind: 'server' | 'worker', extraEnv?: Record<string, string>): Promise<AppProcess>;
  close(): Promise<void>;
}

export async function prepareSplitDeployment(opts: {
  redisUrl: string;
  /** Where processes reach the X API (a proxy in front of the simulator); the simulator by default. */
  xApiBaseUrl?: (sim: RunningSimulator) => string;
}): Promise<SplitDeployment> {
  const database = await createTestDatabase();
  const generous = { limit: 1_000_000, windowMs: 15 * 60_000 };
  const sim = await startSimulator({
    port: 0,
    rateLimits: {
      'GET /2/users/:id/mentions': generous,
      'GET /2/users/:id/tweets': generous,
      'GET /2/tweets/search/recent': generous,
      'GET /2/dm_events': generous,
      'POST /2/tweets': generous,
    },
  });
  const key = randomBytes(32);
  const account = await connectXAccount(
    { db: database.db, secretBox: createSecretBox([key]), xApiBaseUrl: sim.url },
    { kind: 'oauth2', accessToken: DEFAULT_BEARER_TOKEN },
  );
  await updateAccountSettings(database.db, account.id, {
    pollMinIntervalMs: 1000,
    pollMaxIntervalMs: 2000,
    dmPollMinIntervalMs: 1000,
  });
  await seedDemoUsers(database.db);
  const prefix = `cdscale${randomBytes(4).toString('hex')}`;
  const env = {
    DATABASE_URL: database.url,
    REDIS_URL: opts.redisUrl,
    QUEUE_PREFIX: prefix,
    CAREDESK_ENCRYPTION_KEYS: key.toString('base64'),
    X_API_BASE_URL: opts.xApiBaseUrl?.(sim) ?? sim.url,
    FB_GRAPH_BASE_URL: sim.url,
    POLL_INTERVAL_MS: '1000',
    X_REQUEST_TIMEOUT_MS: '10000',
  };
  const processes: AppProcess[] = [];
  return {
    database,
    sim,
    prefix,
    channelAccountId: account.id,
    env,
    async start(kind, extraEnv = {}) {
      const p = await startAppProcess(kind, { ...env, ...extraEnv });
      processes.push(p);
      return p;
    },
    async close() {
      for (const p of processes) p.kill();
      await Promise.all(processes.map((p) => p.exited));
      await sim.close();
      await deleteRedisPrefix(opts.redisUrl, prefix);
      await database.drop();
    },
  };
}

export interface Agent {
  cookie: string;
  userId: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever JSON the API answered.
  api(method: string, url: string, body?: unknown): Promise<{ status: number; body: any }>;
}

/** Logs a demo user in on one web server; its calls then go to that server. */
export async function loginAt(baseUrl: string, email: string): Promise<Agent> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-caredesk-request': '1' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error('login set no cookie');
  const { user } = (await res.json()) as { user: { id: string } };
  return {
    cookie,
    userId: user.id,
    async api(method, url, body) {
      const r = await fetch(`${baseUrl}${url}`, {
        method,
        headers: { cookie, 'content-type': 'application/json', 'x-caredesk-request': '1' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await r.text();
      return { status: r.status, body: text ? JSON.parse(text) : null };
    },
  };
}

/** A socket.io client on one web server, recording every realtime event and its disconnects. */
export async function connectAt(
  baseUrl: string,
  cookie: string,
  opts: { reconnection?: boolean } = {},
): Promise<{ socket: Socket; events: RealtimeEvent[]; disconnects: string[] }> {
  const socket = connectSocket(baseUrl, {
    transports: ['websocket'],
    extraHeaders: { cookie },
    reconnection: opts.reconnection ?? false,
  });
  const events: RealtimeEvent[] = [];
  const disconnects: string[] = [];
  socket.on(REALTIME_EVENT, (e: RealtimeEvent) => events.push(e));
  socket.on('disconnect', (reason) => disconnects.push(reason));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return { socket, events, disconnects };
}

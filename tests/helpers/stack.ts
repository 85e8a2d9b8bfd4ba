import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Redis } from 'ioredis';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { REALTIME_EVENT, type RealtimeEvent } from '../../common/types';
import { updateAccountSettings } from '../../server/db/repositories/channelAccounts';
import { createLogger } from '../../server/logger';
import { connectFacebookPage, connectXAccount } from '../../server/runtime/accounts';
import { type Core, createCore } from '../../server/runtime/core';
import { createSessionStore } from '../../server/runtime/sessionStore';
import { seedDemoUsers } from '../../server/runtime/users';
import { type RunningWeb, startWeb } from '../../server/runtime/web';
import { createSecretBox } from '../../server/security/secretBox';
import type { DeliverDeps } from '../../server/services/deliverReply';
import { SIM_X_CLIENT_ID, SIM_X_CLIENT_SECRET } from '../../simulator/oauth/xOAuth2Store';
import { DEFAULT_BEARER_TOKEN } from '../../simulator/options';
import { type RunningSimulator, startSimulator } from '../../simulator/server';
import { type RunningWorkers, startWorkers } from '../../workers/startWorkers';
import { createTestDatabase, type TestDatabase } from './db';

export type QueueBackendKind = 'postgres' | 'redis';

/** The simulator's Facebook page token and the webhook secrets the tests use. */
export const FB_TEST = {
  pageToken: 'sim-fb-page-token',
  appSecret: 'test-fb-app-secret',
  verifyToken: 'test-fb-verify-token',
};

export interface Stack {
  core: Core;
  web: RunningWeb;
  sim: RunningSimulator;
  workers: RunningWorkers;
  database: TestDatabase;
  channelAccountId: string;
  facebookAccountId: string | null;
  /** The queue prefix, for extra worker processes on the same queues. */
  queuePrefix: string;
  brand: { id: string; username: string };
  /** Logs in a demo user over HTTP and returns its session cookie header. */
  login(email?: string): Promise<string>;
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever JSON the API answered.
  api(cookie: string, method: string, url: string, body?: unknown): Promise<{ status: number; body: any }>;
  connectSocket(cookie: string): Promise<{ socket: Socket; events: RealtimeEvent[] }>;
  close(): Promise<void>;
}

/**
 * The whole product in this process, against a fresh database and a simulator on a free port:
 * web (port 0), workers, queues on the chosen backend, one X account connected, demo users seeded.
 */
export async function startStack(
  opts: {
    queue: QueueBackendKind;
    redisUrl?: string | null;
    pollEveryMs?: number;
    clientDir?: string | null;
    accountSettings?: Record<string, unknown>;
    crashAt?: DeliverDeps['crashAt'];
    outboundAttempts?: number;
    /** First retry delay of outbound jobs (default 200 ms: tests see a failure in seconds). */
    outboundBackoffMs?: number;
    /** Also connect the simulator's Facebook page and accept its webhooks. */
    facebook?: boolean;
    /** PUBLIC_URL for attachment URLs sent to the platform. */
    publicUrl?: string;
    /** Capture the stack's pino output (at debug level) instead of the default silent logger. */
    logDestination?: { write(line: string): void };
    /** The encryption key of channel credentials (random when absent). */
    encryptionKey?: Buffer;
    /** Receives every log line at the given level instead of stdout (security tests read the logs). */
    logSink?: { level: string; write(line: string): void };
    /** Keep login sessions in Redis (under the queue prefix) instead of PostgreSQL. */
    sessionsInRedis?: string;
    /** Where the product calls the X API, given the simulator's URL (e.g. a router to several simulators). */
    xApiVia?: (simUrl: string) => Promise<string>;
    /** METRICS_TOKEN of the web app (/metrics open when unset). */
    metricsToken?: string;
    /** A migrated database to use instead of a fresh copy of the template (fault tests: their own server). */
    database?: TestDatabase;
  } = {
    queue: 'postgres',
  },
): Promise<Stack> {
  const database = opts.database ?? (await createTestDatabase());
  // Generous limits: tests poll every second; the real limits are tested on their own.
  const generous = { limit: 1_000_000, windowMs: 15 * 60_000 };
  const sim = await startSimulator({
    port: 0,
    rateLimits: {
      'GET /2/users/:id/mentions': generous,
      'GET /2/users/:id/tweets': generous,
      'GET /2/tweets/search/recent': generous,
      'GET /2/dm_events': generous,
      'POST /2/tweets': generous,
      'POST /2/dm_conversations/with/:participant_id/messages': generous,
    },
  });
  const xApiBaseUrl = opts.xApiVia ? await opts.xApiVia(sim.url) : sim.url;
  const logger = opts.logSink
    ? createLogger(opts.logSink.level, {}, opts.logSink)
    : opts.logDestination
      ? createLogger('debug', {}, opts.logDestination)
      : createLogger(process.env.CAREDESK_TEST_LOG_LEVEL ?? 'silent');
  const prefix = `cdtest${randomBytes(4).toString('hex')}`;
  if (opts.queue === 'redis' && !opts.redisUrl) throw new Error('redis backend needs redisUrl');
  // The redirect URI needs the web port, known only after listening: filled in below.
  const xOAuth = {
    clientId: SIM_X_CLIENT_ID,
    clientSecret: SIM_X_CLIENT_SECRET,
    authorizeUrl: `${sim.url}/i/oauth2/authorize`,
    redirectUri: '',
  };
  const core = createCore({
    env: {
      REDIS_URL: opts.queue === 'redis' ? (opts.redisUrl ?? undefined) : undefined,
      QUEUE_PREFIX: prefix,
    },
    logger,
    databaseUrl: database.url,
    secretBox: createSecretBox([opts.encryptionKey ?? randomBytes(32)]),
    xApiBaseUrl,
    // Two quick attempts: tests see a failure in seconds instead of a minute of backoff.
    retry: { outboundAttempts: opts.outboundAttempts ?? 2, outboundBackoffMs: opts.outboundBackoffMs ?? 200 },
    requestTimeoutMs: 2000,
    facebook: { graphBaseUrl: sim.url, graphVersion: 'v25.0', appSecret: FB_TEST.appSecret },
    ...(opts.publicUrl ? { publicUrl: opts.publicUrl } : {}),
    xOAuth,
  });
  const account = await connectXAccount(
    { db: core.db, secretBox: core.secretBox, xApiBaseUrl },
    { kind: 'oauth2', accessToken: DEFAULT_BEARER_TOKEN },
  );
  // Fast, steady polling in tests: adaptive intervals would otherwise stretch to minutes when quiet.
  await updateAccountSettings(core.db, account.id, {
    pollMinIntervalMs: 1000,
    pollMaxIntervalMs: 2000,
    dmPollMinIntervalMs: 1000,
    ...opts.accountSettings,
  });
  let facebookAccountId: string | null = null;
  if (opts.facebook) {
    const page = await connectFacebookPage(
      {
        db: core.db,
        secretBox: core.secretBox,
        endpoints: {
          xApiBaseUrl: sim.url,
          fbGraphBaseUrl: sim.url,
          fbGraphVersion: 'v25.0',
          fbAppSecret: FB_TEST.appSecret,
        },
      },
      FB_TEST.pageToken,
    );
    facebookAccountId = page.id;
    await updateAccountSettings(core.db, page.id, {
      pollMinIntervalMs: 1000,
      pollMaxIntervalMs: 2000,
      ...opts.accountSettings,
    });
  }
  await seedDemoUsers(core.db);
  const workers = await startWorkers(
    { ...core, pollEveryMs: opts.pollEveryMs ?? 1000, ...(opts.crashAt ? { crashAt: opts.crashAt } : {}) },
    { sweepEveryMs: 5000 },
  );
  const sessions = createSessionStore(core.db, { redisUrl: opts.sessionsInRedis, prefix });
  const web = await startWeb({
    sessionStore: sessions.store,
    db: core.db,
    queues: core.queues,
    adapters: core.adapters,
    pingQueue: () => core.queues.ping(),
    queueDashboard: core.queues,
    metricsToken: opts.metricsToken,
    logger,
    sessionTtlMs: 3600_000,
    secureCookies: false,
    clientDir: opts.clientDir === undefined ? null : opts.clientDir,
    facebookWebhook: opts.facebook
      ? { appSecret: FB_TEST.appSecret, verifyToken: FB_TEST.verifyToken }
      : undefined,
    channelConnection: {
      secretBox: core.secretBox,
      xOAuth,
      endpoints: {
        xApiBaseUrl: sim.url,
        fbGraphBaseUrl: sim.url,
        fbGraphVersion: 'v25.0',
        fbAppSecret: FB_TEST.appSecret,
      },
    },
    databaseUrl: database.url,
    port: 0,
    host: '127.0.0.1',
  });
  xOAuth.redirectUri = `${web.url}/api/channel-accounts/x/oauth/callback`;
  const sockets: Socket[] = [];

  const api: Stack['api'] = async (cookie, method, url, body) => {
    const res = await fetch(`${web.url}${url}`, {
      method,
      headers: { cookie, 'content-type': 'application/json', 'x-caredesk-request': '1' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };

  return {
    core,
    web,
    sim,
    workers,
    database,
    channelAccountId: account.id,
    facebookAccountId,
    queuePrefix: prefix,
    brand: { id: sim.state.brand.id, username: sim.state.brand.username },
    async login(email = 'anna@demo.caredesk') {
      const res = await fetch(`${web.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-caredesk-request': '1' },
        body: JSON.stringify({ email, password: 'caredesk-demo' }),
      });
      if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
      const cookie = res.headers.get('set-cookie')?.split(';')[0];
      if (!cookie) throw new Error('login set no cookie');
      return cookie;
    },
    api,
    async connectSocket(cookie) {
      const socket = connectSocket(web.url, {
        transports: ['websocket'],
        extraHeaders: { cookie },
        reconnection: true,
      });
      sockets.push(socket);
      const events: RealtimeEvent[] = [];
      socket.on(REALTIME_EVENT, (e: RealtimeEvent) => events.push(e));
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      });
      return { socket, events };
    },
    async close() {
      for (const s of sockets) s.disconnect();
      await web.close();
      await sessions.close();
      if (opts.sessionsInRedis) await deleteRedisPrefix(opts.sessionsInRedis, prefix);
      await workers.close();
      await core.queues.close();
      await core.db.destroy();
      await sim.close();
      if (opts.queue === 'redis' && opts.redisUrl) await deleteRedisPrefix(opts.redisUrl, prefix);
      await database.drop();
    },
  };
}

export async function deleteRedisPrefix(url: string, prefix: string): Promise<void> {
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

/** Polls `check` until it returns a truthy value or the time runs out. */
export async function waitFor<T>(
  check: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  opts: { timeoutMs?: number; what?: string } = {},
): Promise<T> {
  const deadline = Date.now() + (opts.timeoutMs ?? 20_000);
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${opts.what ?? 'condition'}${last ? `: ${String(last)}` : ''}`);
}

export const clientDistDir = path.resolve(__dirname, '../../client/dist');

/** Posts a customer post to the simulator's control API. */
export async function postCustomer(
  sim: RunningSimulator,
  post: { username: string; name: string; text: string; inReplyTo?: string },
): Promise<string> {
  const res = await fetch(`${sim.url}/_sim/x/posts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      author: { username: post.username, name: post.name },
      text: post.text,
      ...(post.inReplyTo ? { in_reply_to: post.inReplyTo } : {}),
    }),
  });
  if (res.status !== 201) throw new Error(`simulator refused post: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

export async function brandPosts(
  sim: RunningSimulator,
): Promise<Array<{ id: string; text: string; in_reply_to: string | null }>> {
  const res = await fetch(`${sim.url}/_sim/x/posts?author=${sim.state.brand.username}`);
  return ((await res.json()) as { data: Array<{ id: string; text: string; in_reply_to: string | null }> })
    .data;
}

import type { Knex } from 'knex';
import { postgresSessionStore } from '../server/auth/sessionStore';
import { SESSION_COOKIE, startSession } from '../server/auth/sessions';
import { createLogger } from '../server/logger';
import { DEFAULT_RETRY_POLICY } from '../server/queues/backend';
import type { OutboundEnqueuer } from '../server/queues/producers';
import { type RunningWeb, startWeb } from '../server/runtime/web';

/**
 * The real web server (express app, socket.io, PostgreSQL event listener) for the read benchmarks.
 * They only read and listen: no queue or channel adapter is started, and any attempt to enqueue or to
 * reach a platform fails loudly instead of being silently dropped.
 */
export async function startBenchWeb(opts: {
  db: Knex;
  databaseUrl: string;
  port?: number;
}): Promise<RunningWeb> {
  const readOnly = (what: string) => () => {
    throw new Error(`the read benchmarks do not ${what}`);
  };
  const queues: OutboundEnqueuer = { add: readOnly('enqueue jobs'), retry: DEFAULT_RETRY_POLICY };
  return startWeb({
    db: opts.db,
    queues,
    adapters: readOnly('call platforms'),
    pingQueue: async () => {},
    logger: createLogger(process.env.BENCH_LOG_LEVEL ?? 'warn'),
    sessionTtlMs: 24 * 3600_000,
    secureCookies: false,
    clientDir: null,
    databaseUrl: opts.databaseUrl,
    port: opts.port ?? 0,
    host: '127.0.0.1',
  });
}

/**
 * Signs users in without the login route (rate-limited, and password hashing is not what is measured):
 * a session row per user, as a login creates it. Returns the Cookie header for each user id.
 */
export async function sessionCookies(db: Knex, userIds: string[]): Promise<Map<string, string>> {
  const store = postgresSessionStore(db);
  const cookies = new Map<string, string>();
  for (const id of userIds) {
    const token = await startSession(store, id, 24 * 3600_000);
    cookies.set(id, `${SESSION_COOKIE}=${encodeURIComponent(token)}`);
  }
  return cookies;
}

import path from 'node:path';
import { DEFAULT_BEARER_TOKEN } from '../simulator/options';
import { startSimulator } from '../simulator/server';
import { startWorkers } from '../workers/startWorkers';
import { createOidc } from './auth/oidc';
import { migrateLatest } from './db/migrate';
import { loadEnv } from './env';
import { childLogger, createLogger } from './logger';
import { seedDemoCannedResponses } from './runtime/cannedResponses';
import { channelConfig, connectChannels } from './runtime/channels';
import { createCore } from './runtime/core';
import { resolveDatabase } from './runtime/database';
import { startDemo } from './runtime/demo';
import { loadSecretBox } from './runtime/encryptionKey';
import { createSessionStore } from './runtime/sessionStore';
import { type DemoLogin, ensureFirstAdmin, seedDemoUsers } from './runtime/users';
import { startWeb } from './runtime/web';
import { xOAuthConfig } from './runtime/xOAuthConfig';
import { createShutdown } from './shutdown';

/**
 * `npm start`: everything in one process. PostgreSQL (embedded unless DATABASE_URL), migrations,
 * workers, web server with the built client, and, without channel credentials, the simulator with
 * demo traffic.
 */
async function main() {
  const startedAt = Date.now();
  const env = loadEnv();
  const logger = createLogger(env.LOG_LEVEL);
  const log = childLogger(logger, 'main');
  const shutdown = createShutdown(logger, env.SHUTDOWN_TIMEOUT_MS);
  shutdown.onSignals();

  const database = await resolveDatabase(env, logger);
  shutdown.defer('postgres', () => database.stop());
  try {
    const secretBox = loadSecretBox(env, logger);

    let simulator: Awaited<ReturnType<typeof startSimulator>> | null = null;
    if (env.demo) {
      simulator = await startSimulator({ port: env.SIMULATOR_PORT });
      shutdown.defer('simulator', () => simulator?.close());
    }
    const channels = channelConfig(env, simulator?.url ?? null, DEFAULT_BEARER_TOKEN);

    const core = createCore({
      env,
      logger,
      databaseUrl: database.url,
      secretBox,
      xApiBaseUrl: channels.xApiBaseUrl,
      requestTimeoutMs: env.X_REQUEST_TIMEOUT_MS,
      facebook: {
        graphBaseUrl: channels.facebook?.graphBaseUrl ?? env.FB_GRAPH_BASE_URL,
        graphVersion: env.FB_GRAPH_VERSION,
        appSecret: channels.facebook?.appSecret,
      },
      publicUrl: env.publicUrl,
      xOAuth: xOAuthConfig(env, simulator?.url ?? null),
    });
    shutdown.defer('database pool', () => core.db.destroy());
    shutdown.defer('queues', () => core.queues.close());
    const migrated = await migrateLatest(core.db);
    if (migrated.length > 0) log.info({ migrations: migrated }, 'database migrated');

    await connectChannels(core, channels, log);
    const logins: DemoLogin[] = env.demo
      ? await seedDemoUsers(core.db)
      : [await ensureFirstAdmin(core.db, env.ADMIN_EMAIL)].filter((l): l is DemoLogin => l !== null);

    if (env.demo) await seedDemoCannedResponses(core.db);
    const workers = await startWorkers({ ...core, pollEveryMs: env.pollIntervalMs });
    shutdown.defer('workers', () => workers.close());

    const sessions = createSessionStore(core.db, { redisUrl: env.REDIS_URL, prefix: env.QUEUE_PREFIX });
    shutdown.defer('session store', () => sessions.close());
    const web = await startWeb({
      sessionStore: sessions.store,
      db: core.db,
      queues: core.queues,
      adapters: core.adapters,
      pingQueue: () => core.queues.ping(),
      queueDashboard: core.queues,
      metricsToken: env.METRICS_TOKEN,
      logger,
      sessionTtlMs: env.SESSION_TTL_HOURS * 3600_000,
      sessionIdleMs: env.SESSION_IDLE_MINUTES * 60_000,
      oidc: env.oidc ? createOidc(env.oidc, core.db) : null,
      loginThrottle: {
        windowMs: env.LOGIN_LOCKOUT_MINUTES * 60_000,
        accountMaxFailures: env.LOGIN_MAX_FAILURES,
        ipMaxFailures: env.LOGIN_MAX_FAILURES * 4,
        lockMs: env.LOGIN_LOCKOUT_MINUTES * 60_000,
      },
      secureCookies: env.NODE_ENV === 'production',
      clientDir: path.resolve('client/dist'),
      spike: { factor: env.SPIKE_FACTOR, minInbound: env.SPIKE_MIN_INBOUND },
      facebookWebhook:
        channels.facebook?.appSecret && channels.facebook.verifyToken
          ? { appSecret: channels.facebook.appSecret, verifyToken: channels.facebook.verifyToken }
          : undefined,
      channelConnection: {
        secretBox,
        xOAuth: core.xOAuth,
        endpoints: {
          xApiBaseUrl: channels.xApiBaseUrl,
          requestTimeoutMs: env.X_REQUEST_TIMEOUT_MS,
          fbGraphBaseUrl: channels.facebook?.graphBaseUrl ?? env.FB_GRAPH_BASE_URL,
          fbGraphVersion: env.FB_GRAPH_VERSION,
          ...(channels.facebook?.appSecret ? { fbAppSecret: channels.facebook.appSecret } : {}),
        },
      },
      databaseUrl: database.url,
      port: env.PORT,
      host: env.HOST,
    });
    shutdown.defer('web', () => web.close());

    if (simulator) {
      const demo = await startDemo({
        simulator,
        webUrl: web.url,
        facebook: channels.facebook,
        intervalMs: env.DEMO_TRAFFIC_INTERVAL_MS,
        log,
      });
      shutdown.defer('demo traffic', () => demo.stop());
    }
    printBanner({
      url: web.url,
      logins,
      demo: env.demo,
      simulatorUrl: simulator?.url,
      ms: Date.now() - startedAt,
    });
  } catch (error) {
    log.fatal({ err: error }, 'start-up failed');
    await shutdown.run('start-up failed');
    process.exit(1);
  }
}

function printBanner(b: {
  url: string;
  logins: DemoLogin[];
  demo: boolean;
  simulatorUrl?: string | undefined;
  ms: number;
}) {
  const lines = [
    '',
    `  Caredesk is running at ${b.url}  (ready in ${(b.ms / 1000).toFixed(1)} s)`,
    b.demo
      ? `  Demo mode: simulated X traffic from ${b.simulatorUrl} — connect real accounts with the X_* settings`
      : '',
    ...(b.logins.length > 0 ? ['', '  Log in with:'] : []),
    ...b.logins.map((l) => `    ${l.email.padEnd(24)} ${l.password.padEnd(16)} ${l.name} (${l.role})`),
    '',
    '  Ctrl-C stops everything.',
    '',
  ];
  console.info(lines.filter((l, i) => l !== '' || lines[i - 1] !== '').join('\n'));
}

main().catch((error: unknown) => {
  // Before the logger exists (bad configuration) or outside the guarded start-up: say it plainly.
  console.error(`Caredesk could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

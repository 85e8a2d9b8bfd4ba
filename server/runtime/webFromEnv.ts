import path from 'node:path';
import { createOidc } from '../auth/oidc';
import type { SecretBox } from '../security/secretBox';
import type { ChannelConfig } from './channels';
import type { Core } from './core';
import type { ProcessRuntime } from './process';
import { createSessionStore } from './sessionStore';
import { type RunningWeb, startWeb } from './web';

/**
 * The web server (HTTP API, built client, socket.io) of `npm start` and `npm run start:server`, from
 * the configuration. With REDIS_URL, sessions and socket.io's adapter use Redis, so any number of
 * web servers can run side by side. Its graceful stop is registered on the process's shutdown.
 */
export async function startWebFromEnv(
  rt: ProcessRuntime,
  core: Core,
  input: { channels: ChannelConfig; secretBox: SecretBox },
): Promise<RunningWeb> {
  const { env, logger, shutdown } = rt;
  const { channels } = input;
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
      secretBox: input.secretBox,
      xOAuth: core.xOAuth,
      endpoints: {
        xApiBaseUrl: channels.xApiBaseUrl,
        requestTimeoutMs: env.X_REQUEST_TIMEOUT_MS,
        fbGraphBaseUrl: channels.facebook?.graphBaseUrl ?? env.FB_GRAPH_BASE_URL,
        fbGraphVersion: env.FB_GRAPH_VERSION,
        ...(channels.facebook?.appSecret ? { fbAppSecret: channels.facebook.appSecret } : {}),
      },
    },
    socketRedis: env.REDIS_URL ? { url: env.REDIS_URL, prefix: env.QUEUE_PREFIX } : undefined,
    databaseUrl: core.databaseUrl,
    port: env.PORT,
    host: env.HOST,
  });
  // Half the shutdown bound for in-flight requests; the rest is for workers, queues and the database.
  shutdown.defer('web', () => web.close(Math.floor(env.SHUTDOWN_TIMEOUT_MS / 2)));
  return web;
}

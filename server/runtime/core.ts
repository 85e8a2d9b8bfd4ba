import type { Knex } from 'knex';
import { type AdapterProvider, createAdapterProvider } from '../channels/adapterProvider';
import { createDb } from '../db/knex';
import type { ChannelAccountRow } from '../db/repositories/channelAccounts';
import type { Env } from '../env';
import type { Logger } from '../logger';
import { createQueueSet, type QueueSet, type RetryPolicy } from '../queues/backend';
import type { SecretBox } from '../security/secretBox';
import { ensureFreshXCredentials } from '../services/channelConnection/refreshXToken';
import type { XOAuthConfig } from '../services/channelConnection/xOAuth';

/** The composition root's shared services; built once per process and passed down explicitly. */
export interface Core {
  db: Knex;
  queues: QueueSet;
  adapters: AdapterProvider;
  secretBox: SecretBox;
  logger: Logger;
  databaseUrl: string;
  xApiBaseUrl: string;
  /** Origin platforms reach us at (PUBLIC_URL), for attachment URLs. */
  publicUrl?: string;
  /** X OAuth 2.0 client (connect, refresh); null when not configured. */
  xOAuth: XOAuthConfig | null;
  /** Refreshes an account's X OAuth 2.0 token (persisted, under a row lock) when it nears expiry. */
  refreshCredentials: (account: ChannelAccountRow) => Promise<ChannelAccountRow>;
}

export function createCore(input: {
  env: Pick<Env, 'REDIS_URL' | 'QUEUE_PREFIX'>;
  logger: Logger;
  databaseUrl: string;
  /** Size of the knex pool; 10 when unset. */
  poolMax?: number;
  secretBox: SecretBox;
  xApiBaseUrl: string;
  retry?: RetryPolicy;
  requestTimeoutMs?: number;
  facebook?: { graphBaseUrl: string; graphVersion: string; appSecret?: string | undefined };
  publicUrl?: string;
  xOAuth?: XOAuthConfig | null;
}): Core {
  const db = createDb({ url: input.databaseUrl, ...(input.poolMax ? { poolMax: input.poolMax } : {}) });
  const queueLog = input.logger.child({ category: 'queues' });
  // Redis or PostgreSQL away: logged once per reconnect attempt at warn; jobs wait in PostgreSQL.
  const onQueueError = (err: Error, queue: string) => queueLog.warn({ err, queue }, 'queue connection error');
  const queues = createQueueSet(
    input.env.REDIS_URL
      ? {
          kind: 'redis',
          redisUrl: input.env.REDIS_URL,
          prefix: input.env.QUEUE_PREFIX,
          retry: input.retry,
          onQueueError,
        }
      : {
          kind: 'postgres',
          databaseUrl: input.databaseUrl,
          prefix: input.env.QUEUE_PREFIX,
          retry: input.retry,
          onQueueError,
        },
  );
  return {
    db,
    queues,
    secretBox: input.secretBox,
    adapters: createAdapterProvider(input.secretBox, {
      xApiBaseUrl: input.xApiBaseUrl,
      ...(input.requestTimeoutMs ? { requestTimeoutMs: input.requestTimeoutMs } : {}),
      ...(input.facebook
        ? {
            fbGraphBaseUrl: input.facebook.graphBaseUrl,
            fbGraphVersion: input.facebook.graphVersion,
            ...(input.facebook.appSecret ? { fbAppSecret: input.facebook.appSecret } : {}),
          }
        : {}),
    }),
    logger: input.logger,
    databaseUrl: input.databaseUrl,
    xApiBaseUrl: input.xApiBaseUrl,
    ...(input.publicUrl ? { publicUrl: input.publicUrl } : {}),
    xOAuth: input.xOAuth ?? null,
    refreshCredentials: (account) =>
      ensureFreshXCredentials(
        {
          db,
          secretBox: input.secretBox,
          xApiBaseUrl: input.xApiBaseUrl,
          xOAuth: input.xOAuth ?? null,
          logger: input.logger,
        },
        account,
      ),
  };
}

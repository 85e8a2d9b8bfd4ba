import type { Knex } from 'knex';
import { type AdapterProvider, createAdapterProvider } from '../channels/adapterProvider';
import { createDb } from '../db/knex';
import type { Env } from '../env';
import type { Logger } from '../logger';
import { createQueueSet, type QueueSet, type RetryPolicy } from '../queues/backend';
import type { SecretBox } from '../security/secretBox';

/** The composition root's shared services; built once per process and passed down explicitly. */
export interface Core {
  db: Knex;
  queues: QueueSet;
  adapters: AdapterProvider;
  secretBox: SecretBox;
  logger: Logger;
  databaseUrl: string;
  xApiBaseUrl: string;
}

export function createCore(input: {
  env: Pick<Env, 'REDIS_URL' | 'QUEUE_PREFIX'>;
  logger: Logger;
  databaseUrl: string;
  secretBox: SecretBox;
  xApiBaseUrl: string;
  retry?: RetryPolicy;
  requestTimeoutMs?: number;
  facebook?: { graphBaseUrl: string; graphVersion: string; appSecret?: string | undefined };
}): Core {
  const db = createDb({ url: input.databaseUrl });
  const queues = createQueueSet(
    input.env.REDIS_URL
      ? { kind: 'redis', redisUrl: input.env.REDIS_URL, prefix: input.env.QUEUE_PREFIX, retry: input.retry }
      : {
          kind: 'postgres',
          databaseUrl: input.databaseUrl,
          prefix: input.env.QUEUE_PREFIX,
          retry: input.retry,
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
  };
}

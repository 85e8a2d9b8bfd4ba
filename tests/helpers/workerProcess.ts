/**
 * A worker process for multi-process tests: the real workers (startWorkers) against the database and
 * queue (Redis when WORKER_REDIS_URL is set, else PostgreSQL) named in the environment, as `npm start` would run them. Prints "ready" once started and shuts
 * down cleanly on SIGTERM. Run with tsx: `tsx tests/helpers/workerProcess.ts`.
 * Optional: WORKER_ENCRYPTION_KEY (base64, to read credentials the test stored), WORKER_X_API_BASE_URL
 * (the simulator), WORKER_POLL_MS (poll scheduler period, default 60 s), WORKER_SWEEP_MS.
 */
import { randomBytes } from 'node:crypto';
import { createAdapterProvider } from '../../server/channels/adapterProvider';
import { createDb } from '../../server/db/knex';
import { createLogger } from '../../server/logger';
import { createQueueSet } from '../../server/queues/backend';
import { createSecretBox } from '../../server/security/secretBox';
import { startWorkers } from '../../workers/startWorkers';

async function main(): Promise<void> {
  const databaseUrl = process.env.WORKER_DATABASE_URL;
  const prefix = process.env.WORKER_QUEUE_PREFIX;
  if (!databaseUrl || !prefix) throw new Error('WORKER_DATABASE_URL and WORKER_QUEUE_PREFIX are required');
  const logger = createLogger(process.env.WORKER_LOG_LEVEL ?? 'warn', { worker: process.pid });
  const onQueueError = (err: Error, queue: string) => logger.warn({ err, queue }, 'queue connection error');
  // A small pool: several of these share the test server's connection limit with other suites.
  const core = {
    db: createDb({ url: databaseUrl, poolMax: 4 }),
    queues: createQueueSet(
      process.env.WORKER_REDIS_URL
        ? { kind: 'redis', redisUrl: process.env.WORKER_REDIS_URL, prefix, onQueueError }
        : { kind: 'postgres', databaseUrl, prefix, onQueueError },
    ),
    adapters: createAdapterProvider(
      createSecretBox([
        process.env.WORKER_ENCRYPTION_KEY
          ? Buffer.from(process.env.WORKER_ENCRYPTION_KEY, 'base64')
          : randomBytes(32),
      ]),
      { xApiBaseUrl: process.env.WORKER_X_API_BASE_URL ?? 'http://127.0.0.1:9' },
    ),
    logger,
  };
  const workers = await startWorkers(
    { ...core, pollEveryMs: Number(process.env.WORKER_POLL_MS ?? 60_000) },
    { sweepEveryMs: Number(process.env.WORKER_SWEEP_MS ?? 1000) },
  );
  process.stdout.write('ready\n');
  const stop = async () => {
    await workers.close();
    await core.queues.close();
    await core.db.destroy();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});

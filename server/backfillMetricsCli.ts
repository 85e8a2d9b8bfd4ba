/**
 * `npx tsx server/backfillMetricsCli.ts`: recomputes the response metrics of every conversation (after
 * upgrading to migration 21, or when calendars change). Uses DATABASE_URL, or the embedded PostgreSQL.
 */
import { createDb } from './db/knex';
import { loadEnv } from './env';
import { createLogger } from './logger';
import { resolveDatabase } from './runtime/database';
import { backfillResponseMetrics } from './services/metrics/backfillResponseMetrics';

async function run() {
  const env = loadEnv();
  const logger = createLogger(env.LOG_LEVEL);
  const database = await resolveDatabase(env, logger);
  const db = createDb({ url: database.url, poolMax: 2 });
  try {
    const done = await backfillResponseMetrics(db, {
      onProgress: (n) => console.info(`metrics: ${n} conversations recomputed`),
    });
    console.info(`metrics: done, ${done} conversations`);
  } finally {
    await db.destroy();
    await database.stop();
  }
}

run().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

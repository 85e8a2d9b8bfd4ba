/**
 * `npm run migrate` (up to latest) and `npm run migrate -- down` (roll everything back).
 * Uses DATABASE_URL, or the embedded PostgreSQL under DATA_DIR when it is not set.
 */
import { createDb } from './db/knex';
import { migrateLatestLocked, migrateRollbackAll } from './db/migrate';
import { loadEnv } from './env';
import { createLogger } from './logger';
import { resolveDatabase } from './runtime/database';

async function run() {
  const env = loadEnv();
  const logger = createLogger(env.LOG_LEVEL);
  const direction = process.argv[2] ?? 'up';
  if (direction !== 'up' && direction !== 'down')
    throw new Error(`Unknown direction "${direction}"; use up or down`);
  const database = await resolveDatabase(env, logger);
  const db = createDb({ url: database.url, poolMax: 2 });
  try {
    const names = direction === 'up' ? await migrateLatestLocked(db) : await migrateRollbackAll(db);
    console.info(names.length ? `${direction}: ${names.join(', ')}` : `${direction}: nothing to do`);
  } finally {
    await db.destroy();
    await database.stop();
  }
}

run().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

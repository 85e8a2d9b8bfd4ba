/**
 * `npm run secrets:rotate`: re-encrypts every stored channel credential under the first key of
 * CAREDESK_ENCRYPTION_KEYS (put the new key first, keep the old ones after it to decrypt; once this
 * has run, the old keys can be dropped). Uses DATABASE_URL, or the embedded PostgreSQL. Prints counts
 * only, never a secret.
 */
import { createDb } from './db/knex';
import { loadEnv } from './env';
import { createLogger } from './logger';
import { resolveDatabase } from './runtime/database';
import { loadSecretBox } from './runtime/encryptionKey';
import { rotateSecrets } from './services/rotateSecrets';

async function run() {
  const env = loadEnv();
  const logger = createLogger(env.LOG_LEVEL);
  const secretBox = loadSecretBox(env, logger);
  const database = await resolveDatabase(env, logger);
  const db = createDb({ url: database.url, poolMax: 2 });
  try {
    const { rotated } = await rotateSecrets(db, secretBox);
    console.info(`secrets: ${rotated} channel credentials re-encrypted under the current key`);
  } finally {
    await db.destroy();
    await database.stop();
  }
}

run().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

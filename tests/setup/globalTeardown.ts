/**
 * Jest global teardown: drops this run's template and any `caredesk_test_<runId>_*` database a test did not
 * drop (crashed or forgot), then stops the embedded PostgreSQL if globalSetup started one.
 */
import type { EmbeddedPostgres } from '../../server/db/embedded';
import { dropDatabasesLike, quoteIdent, withAdmin } from './pgAdmin';

// Same registry symbol as in globalSetup (jest runs both in its main process); not imported from there so
// that teardown does not load the migrations.
const EMBEDDED_KEY = Symbol.for('caredesk.test.embeddedPostgres');

type GlobalWithEmbedded = typeof globalThis & { [EMBEDDED_KEY]?: EmbeddedPostgres };

export default async function globalTeardown(): Promise<void> {
  const adminUrl = process.env.CAREDESK_TEST_PG_ADMIN_URL;
  const template = process.env.CAREDESK_TEST_TEMPLATE_DB;
  const runId = process.env.CAREDESK_TEST_RUN_ID;
  const holder = globalThis as GlobalWithEmbedded;
  try {
    if (adminUrl && runId) {
      await withAdmin(adminUrl, async (client) => {
        const leftovers = await dropDatabasesLike(client, `caredesk_test_${runId}_`);
        if (leftovers.length)
          console.warn(`Test teardown: dropped ${leftovers.length} database(s) tests left behind`);
        if (template) await client.query(`drop database if exists ${quoteIdent(template)} with (force)`);
      });
    }
  } finally {
    const embedded = holder[EMBEDDED_KEY];
    if (embedded) {
      delete holder[EMBEDDED_KEY];
      await embedded.stop();
    }
  }
}

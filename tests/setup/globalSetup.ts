/**
 * Jest global setup for the integration, browser and faults projects (jest runs it once even when several of
 * them are selected). Runs in jest's main process, before any worker exists, so what we put in process.env
 * reaches every test:
 *   CAREDESK_TEST_PG_ADMIN_URL   server where tests may create databases (as a super-user / CREATEDB role)
 *   CAREDESK_TEST_TEMPLATE_DB    migrated template; tests/helpers/db.ts clones it per test file
 *   CAREDESK_TEST_RUN_ID         prefix of this run's databases, so teardown drops only ours
 *   CAREDESK_TEST_REDIS_URL      '' when Redis is not available
 *   CAREDESK_TEST_CHROMIUM       '' when Chromium is not available
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { type EmbeddedPostgres, startEmbeddedPostgres } from '../../server/db/embedded';
import { createDb } from '../../server/db/knex';
import { migrateLatest } from '../../server/db/migrate';
import { databaseUrl, dropDatabasesLike, dropDatabasesOfDeadRuns, quoteIdent, withAdmin } from './pgAdmin';
import { freePort, loadTestEnv, redact } from './services';

/** Shared with globalTeardown, which jest runs in this same process. */
const EMBEDDED_KEY = Symbol.for('caredesk.test.embeddedPostgres');
type GlobalWithEmbedded = typeof globalThis & { [EMBEDDED_KEY]?: EmbeddedPostgres };

const log = (line: string) => console.info(line);

// Throw-away cluster: durability costs time and buys nothing here.
const FAST_UNSAFE = ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'];

async function startEmbedded(root: string): Promise<EmbeddedPostgres> {
  const dataDir = path.join(root, '.data', 'test-pg');
  const output: string[] = [];
  const started = Date.now();
  try {
    const handle = await startEmbeddedPostgres({
      dataDir,
      port: await freePort(),
      postgresFlags: FAST_UNSAFE,
      log: (line) => output.push(line),
    });
    log(`Embedded PostgreSQL started in ${Date.now() - started} ms (${dataDir})`);
    return handle;
  } catch (err) {
    // Its own log would drown the jest output when all is well; on failure it is the explanation.
    if (output.length) log(output.slice(-40).join('\n'));
    throw err;
  }
}

export default async function globalSetup(globalConfig: { rootDir: string }): Promise<void> {
  const root = globalConfig.rootDir;
  const env = await loadTestEnv(root, log);

  let embedded: EmbeddedPostgres | undefined;
  let adminUrl = env.postgres.adminUrl;
  if (env.postgres.source === 'embedded') {
    embedded = await startEmbedded(root);
    (globalThis as GlobalWithEmbedded)[EMBEDDED_KEY] = embedded;
    adminUrl = embedded.url;
  }
  if (!adminUrl) throw new Error('test setup: no PostgreSQL URL (see .test-env.json)');

  const runId = `${process.pid}_${randomBytes(2).toString('hex')}`;
  const template = `caredesk_tpl_${runId}`;
  const started = Date.now();
  try {
    await withAdmin(adminUrl, async (client) => {
      if (embedded) {
        // The embedded cluster belongs to this checkout alone: clear what killed runs left behind.
        await dropDatabasesLike(client, 'caredesk_test_');
        await dropDatabasesLike(client, 'caredesk_tpl_');
      } else if (env.postgres.source === 'machine') {
        // Shared by everyone on this machine: drop only what runs whose process is gone left behind
        // (a run killed by Ctrl-C or a timeout never reaches globalTeardown).
        const dropped = await dropDatabasesOfDeadRuns(client);
        if (dropped.length) log(`Dropped ${dropped.length} database(s) left by interrupted test runs`);
      }
      await client.query(`create database ${quoteIdent(template)}`);
    });
    const db = createDb({ url: databaseUrl(adminUrl, template), poolMax: 1 });
    let ran: string[];
    try {
      ran = await migrateLatest(db);
    } finally {
      // CREATE DATABASE … TEMPLATE refuses while anyone is connected to the template.
      await db.destroy();
    }
    log(
      `Test database: ${env.postgres.source} PostgreSQL ${redact(adminUrl)}; template ${template} ` +
        `migrated (${ran.length} migrations, ${Date.now() - started} ms)`,
    );
  } catch (err) {
    // jest skips globalTeardown when globalSetup throws, so undo our part here.
    await withAdmin(adminUrl, (client) =>
      client.query(`drop database if exists ${quoteIdent(template)} with (force)`),
    ).catch(() => undefined);
    await embedded?.stop();
    throw err;
  }

  process.env.CAREDESK_TEST_PG_ADMIN_URL = adminUrl;
  process.env.CAREDESK_TEST_TEMPLATE_DB = template;
  process.env.CAREDESK_TEST_RUN_ID = runId;
  process.env.CAREDESK_TEST_REDIS_URL = env.redisUrl ?? '';
  process.env.CAREDESK_TEST_CHROMIUM = env.chromiumPath ?? '';
}

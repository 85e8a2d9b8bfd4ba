import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { createDb } from '../../server/db/knex';
import { databaseUrl, quoteIdent, withAdmin } from '../setup/pgAdmin';
import { testEnv } from './testEnv';

export interface TestDatabase {
  url: string;
  name: string;
  db: Knex;
  /** Closes the knex pool and drops the database (WITH (FORCE), so stray connections don't block it). */
  drop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A fresh, fully migrated database of its own: a copy of the template that globalSetup migrated once, so
 * it takes milliseconds instead of a migration run. Call `drop()` in afterAll; teardown drops any you miss.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const { pgAdminUrl } = testEnv();
  const template = process.env.CAREDESK_TEST_TEMPLATE_DB;
  const runId = process.env.CAREDESK_TEST_RUN_ID;
  if (!template || !runId)
    throw new Error('CAREDESK_TEST_TEMPLATE_DB is not set: the jest global setup did not run');

  const name = `caredesk_test_${runId}_${randomBytes(4).toString('hex')}`;
  await withAdmin(pgAdminUrl, async (client) => {
    // "source database … is being accessed by other users" is transient (e.g. two workers cloning at the
    // same instant on older servers); retry briefly before giving up.
    for (let attempt = 1; ; attempt++) {
      try {
        await client.query(`create database ${quoteIdent(name)} template ${quoteIdent(template)}`);
        return;
      } catch (err) {
        if (attempt >= 10 || !/being accessed by other users/.test(String(err))) throw err;
        await sleep(100 * attempt);
      }
    }
  });

  const url = databaseUrl(pgAdminUrl, name);
  const db = createDb({ url, poolMax: 5 });
  let dropped = false;
  return {
    url,
    name,
    db,
    async drop() {
      if (dropped) return;
      dropped = true;
      await db.destroy();
      await withAdmin(pgAdminUrl, (client) =>
        client.query(`drop database if exists ${quoteIdent(name)} with (force)`),
      );
    },
  };
}

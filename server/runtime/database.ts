import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../db/embedded';
import type { Env } from '../env';
import type { Logger } from '../logger';

export interface ResolvedDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

const APP_DATABASE = 'caredesk';

/**
 * DATABASE_URL when set; otherwise an embedded PostgreSQL under DATA_DIR/pg (kept between runs)
 * with a `caredesk` database created on first start.
 */
export async function resolveDatabase(env: Env, logger: Logger): Promise<ResolvedDatabase> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, embedded: false, stop: async () => {} };
  const log = logger.child({ category: 'embedded-postgres' });
  log.info(
    { dataDir: path.join(env.dataDir, 'pg'), port: env.EMBEDDED_PG_PORT },
    'starting embedded PostgreSQL',
  );
  const server = await startEmbeddedPostgres({
    dataDir: path.join(env.dataDir, 'pg'),
    port: env.EMBEDDED_PG_PORT,
    log: (msg) => log.debug(msg),
  });
  try {
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    const exists = await client.query('select 1 from pg_database where datname = $1', [APP_DATABASE]);
    if (exists.rowCount === 0) await client.query(`create database ${APP_DATABASE}`);
    await client.end();
  } catch (error) {
    await server.stop();
    throw error;
  }
  const url = new URL(server.url);
  url.pathname = `/${APP_DATABASE}`;
  return { url: url.toString(), embedded: true, stop: () => server.stop() };
}

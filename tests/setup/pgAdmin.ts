/** Small admin-connection helpers shared by the global setup/teardown and tests/helpers/db.ts. */
import pg from 'pg';

/** The same server URL pointing at another database. */
export function databaseUrl(adminUrl: string, database: string): string {
  const u = new URL(adminUrl);
  u.pathname = `/${database}`;
  return u.toString();
}

export const quoteIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** Runs `fn` on a short-lived connection to the admin URL (CREATE/DROP DATABASE can't run in a pool's transaction). */
export async function withAdmin<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 10_000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Drops every database whose name starts with `prefix` (WITH (FORCE) ends leftover connections). */
export async function dropDatabasesLike(client: pg.Client, prefix: string): Promise<string[]> {
  const escaped = prefix.replace(/[\\%_]/g, (c) => `\\${c}`);
  const { rows } = await client.query<{ datname: string }>(
    'select datname from pg_database where datname like $1',
    [`${escaped}%`],
  );
  for (const { datname } of rows) {
    await client.query(`drop database if exists ${quoteIdent(datname)} with (force)`);
  }
  return rows.map((r) => r.datname);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Drops `caredesk_tpl_<pid>_*` / `caredesk_test_<pid>_*` databases whose jest process (the pid in the name)
 * no longer exists. Only meaningful for a server on this machine, where those pids are ours to check.
 */
export async function dropDatabasesOfDeadRuns(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ datname: string }>(
    "select datname from pg_database where datname ~ '^caredesk_(tpl|test)_[0-9]+_'",
  );
  const dead = rows.map((r) => r.datname).filter((name) => !processAlive(Number(name.split('_')[2])));
  for (const name of dead) {
    await client.query(`drop database if exists ${quoteIdent(name)} with (force)`);
  }
  return dead;
}

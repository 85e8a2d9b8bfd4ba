import { randomUUID } from 'node:crypto';
import knex, { type Knex } from 'knex';
import pg from 'pg';

// Return bigint counts and timestamps predictably: COUNT(*) as number, timestamptz as Date (pg default).
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));

export interface DbOptions {
  url: string;
  poolMax?: number;
}

/**
 * This process's name on its PostgreSQL sessions (`application_name`). Leases that must not outlive their
 * holder (the poll lease) store it: a lease whose holder has no session left belongs to a dead process
 * (kill -9, crash) and may be taken over at once instead of when it times out.
 */
export const DB_SESSION_OWNER = `caredesk-${randomUUID()}`;

/** Creates the knex instance for PostgreSQL. All SQL lives in `server/db/`. */
export function createDb({ url, poolMax = 10 }: DbOptions): Knex {
  return knex({
    client: 'pg',
    connection: { connectionString: url, application_name: DB_SESSION_OWNER },
    pool: { min: 0, max: poolMax },
    acquireConnectionTimeout: 10_000,
  });
}

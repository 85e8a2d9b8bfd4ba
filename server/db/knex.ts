import knex, { type Knex } from 'knex';
import pg from 'pg';

// Return bigint counts and timestamps predictably: COUNT(*) as number, timestamptz as Date (pg default).
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));

export interface DbOptions {
  url: string;
  poolMax?: number;
}

/** Creates the knex instance for PostgreSQL. All SQL lives in `server/db/`. */
export function createDb({ url, poolMax = 10 }: DbOptions): Knex {
  return knex({
    client: 'pg',
    connection: url,
    pool: { min: 0, max: poolMax },
    acquireConnectionTimeout: 10_000,
  });
}

import type { Knex } from 'knex';
import pg from 'pg';
import { createDb } from '../server/db/knex';

/** The server benchmarks create their databases on: BENCH_DATABASE_URL, else DATABASE_URL, else local. */
export function adminUrl(): string {
  return (
    process.env.BENCH_DATABASE_URL ??
    process.env.DATABASE_URL ??
    'postgres://postgres@127.0.0.1:5432/postgres'
  );
}

/** Runs one statement on the admin database (create and drop bench databases). */
export async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The URL of bench database `name` on the same server. */
export function benchDatabaseUrl(name: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Runs a benchmark against a fresh, empty database of its own (`name`), dropped afterwards unless
 * `keep`; the benchmark migrates and loads it itself, so it can time those steps.
 */
export async function withBenchDatabase(
  name: string,
  opts: { keep: boolean; label: string },
  work: (db: Knex) => Promise<void>,
): Promise<void> {
  const url = benchDatabaseUrl(name);
  await adminQuery(`drop database if exists ${name} with (force)`);
  await adminQuery(`create database ${name}`);
  const db = createDb({ url, poolMax: 4 });
  try {
    await work(db);
  } finally {
    await db.destroy();
    if (opts.keep) console.info(`${opts.label}: kept database ${url}`);
    else await adminQuery(`drop database if exists ${name} with (force)`);
  }
}

/** The p-th percentile of ascending timings (nearest rank). */
export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

/** Milliseconds for a column of figures. */
export const ms = (n: number) => n.toFixed(1).padStart(8);

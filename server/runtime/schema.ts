import type { Knex } from 'knex';
import { migrateLatestLocked, pendingMigrations } from '../db/migrate';
import type { Logger } from '../logger';

/**
 * Who migrates: the web servers (`npm start`, `npm run start:server`), each under one PostgreSQL
 * advisory lock, so the first runs the migrations and the others wait and find nothing to do.
 * `npm run migrate` does the same as a separate deployment step.
 */
export async function migrateOnStart(db: Knex, log: Logger): Promise<void> {
  const migrated = await migrateLatestLocked(db);
  if (migrated.length > 0) log.info({ migrations: migrated }, 'database migrated');
}

/**
 * Workers never migrate: they wait until the schema is current (a web server or `npm run migrate`
 * brings it there), so an old schema never meets new code. Gives up after `timeoutMs`.
 */
export async function waitForSchema(
  db: Knex,
  log: Logger,
  opts: { timeoutMs?: number; everyMs?: number } = {},
): Promise<void> {
  const deadline = Date.now() + (opts.timeoutMs ?? 120_000);
  let warned = false;
  for (;;) {
    const pending = await pendingMigrations(db);
    if (pending.length === 0) return;
    if (Date.now() > deadline) {
      throw new Error(
        `the database schema is not current (${pending.length} migrations pending); start a web server or run npm run migrate`,
      );
    }
    if (!warned) {
      log.warn(
        { pending: pending.length },
        'waiting for a web server or npm run migrate to migrate the database',
      );
      warned = true;
    }
    await new Promise((r) => setTimeout(r, opts.everyMs ?? 1000));
  }
}

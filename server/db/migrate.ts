import type { Knex } from 'knex';
import { migrations } from '../../migrations';

/**
 * Knex migration source backed by the explicit list in `migrations/index.ts`
 * (no directory scanning, so the same code runs under tsx, jest and a bundle).
 */
class ListMigrationSource implements Knex.MigrationSource<(typeof migrations)[number]> {
  getMigrations() {
    return Promise.resolve([...migrations]);
  }
  getMigrationName(migration: (typeof migrations)[number]) {
    return migration.name;
  }
  getMigration(migration: (typeof migrations)[number]) {
    return Promise.resolve(migration);
  }
}

const config = (): Knex.MigratorConfig => ({
  migrationSource: new ListMigrationSource(),
  tableName: 'knex_migrations',
});

/** Brings the schema to the newest version. Returns the names of the migrations that ran. */
export async function migrateLatest(db: Knex): Promise<string[]> {
  const [, names] = (await db.migrate.latest(config())) as [number, string[]];
  return names;
}

/** Rolls back every migration (used by the up/down/up test and `npm run migrate -- down`). */
export async function migrateRollbackAll(db: Knex): Promise<string[]> {
  const [, names] = (await db.migrate.rollback(config(), true)) as [number, string[]];
  return names;
}

/** Any fixed 64-bit number: the advisory lock that serialises start-up migrations across processes. */
const MIGRATION_LOCK_KEY = 4_807_302_011;

/**
 * Runs `work` while holding the start-up advisory lock (transaction-scoped), so that of several
 * processes starting at once only one at a time does it. `work` uses its own connections.
 */
export async function withStartupLock<T>(db: Knex, work: () => Promise<T>): Promise<T> {
  return db.transaction(async (trx) => {
    await trx.raw('select pg_advisory_xact_lock(?)', [MIGRATION_LOCK_KEY]);
    return work();
  });
}

/**
 * migrateLatest for several processes starting at once (web servers): a PostgreSQL advisory lock
 * makes the others wait until the first has finished, then they find nothing to do. Knex's own lock
 * table would instead fail the late comers ("Migration table is already locked"), and the very
 * first run could race on creating that table. Needs a pool of at least two connections.
 */
export async function migrateLatestLocked(db: Knex): Promise<string[]> {
  return withStartupLock(db, () => migrateLatest(db));
}

/**
 * Names of the migrations not yet applied (workers start only when there are none). Under the same
 * lock, so a check never races a web server creating the migrations table or running migrations.
 */
export async function pendingMigrations(db: Knex): Promise<string[]> {
  return withStartupLock(db, async () => {
    const [, pending] = (await db.migrate.list(config())) as [unknown[], Array<{ name: string }>];
    return pending.map((m) => m.name);
  });
}

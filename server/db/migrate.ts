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

/** tests/helpers/db.ts: each call gets its own migrated copy of the template, and drop() removes it. */
import { createTestDatabase } from '../helpers/db';
import { testEnv } from '../helpers/testEnv';
import { withAdmin } from '../setup/pgAdmin';

const exists = (name: string) =>
  withAdmin(testEnv().pgAdminUrl, async (client) => {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    return rowCount === 1;
  });

test('createTestDatabase clones the migrated template and drop() removes it', async () => {
  const a = await createTestDatabase();
  const b = await createTestDatabase();
  try {
    expect(a.name).not.toBe(b.name);
    expect(a.name).toMatch(/^caredesk_test_/);
    // Migrated already: knex's bookkeeping table is there and lists every migration.
    const rows = await a.db('knex_migrations').select('name');
    expect(rows.length).toBeGreaterThan(0);
    // Separate databases: a table made in one is absent from the other.
    await a.db.schema.createTable('only_in_a', (t) => t.increments('id'));
    expect(await b.db.schema.hasTable('only_in_a')).toBe(false);
  } finally {
    await a.drop();
    await b.drop();
  }
  expect(await exists(a.name)).toBe(false);
  expect(await exists(b.name)).toBe(false);
});

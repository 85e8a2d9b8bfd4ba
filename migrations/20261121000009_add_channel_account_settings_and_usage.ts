import type { Knex } from 'knex';

export const name = '20261121000009_add_channel_account_settings_and_usage';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('channel_accounts', (t) => {
    // Admin-chosen: search queries, monthly read budget and its split, posting budget.
    t.jsonb('settings').notNullable().defaultTo('{}');
    // Measured: reads per stream this month, per-stream schedule and backoff.
    t.jsonb('usage').notNullable().defaultTo('{}');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('channel_accounts', (t) => {
    t.dropColumn('usage');
    t.dropColumn('settings');
  });
}

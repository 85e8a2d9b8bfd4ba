import type { Knex } from 'knex';

export const name = '20261121000007_create_inbound_items';

/**
 * Durable staging of fetched platform items. The poller stores items and the new cursor in one
 * transaction, so losing Redis (and the ingest jobs in it) loses nothing: the sweeper re-enqueues
 * every item that is not yet processed.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('inbound_items', (t) => {
    t.bigIncrements('id').primary();
    t.uuid('channel_account_id').notNullable().references('channel_accounts.id').onDelete('CASCADE');
    t.text('external_id').notNullable();
    t.jsonb('item').notNullable();
    t.timestamp('fetched_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('processed_at', { useTz: true });
    t.integer('attempts').notNullable().defaultTo(0);
    t.text('last_error');
    t.unique(['channel_account_id', 'external_id']);
  });
  await knex.raw(
    'create index inbound_items_pending_idx on inbound_items (fetched_at) where processed_at is null',
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('inbound_items');
}

import type { Knex } from 'knex';

export const name = '20261121000006_create_conversation_events';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('conversation_events', (t) => {
    t.bigIncrements('id').primary();
    t.uuid('conversation_id').notNullable().references('conversations.id').onDelete('CASCADE');
    t.text('type').notNullable();
    // Who: a Caredesk user, or null for the system/customer (actor_kind says which).
    t.uuid('actor_user_id').references('users.id').onDelete('SET NULL');
    t.text('actor_kind').notNullable().defaultTo('system');
    t.jsonb('data').notNullable().defaultTo('{}');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.check("actor_kind in ('user', 'customer', 'system')", [], 'conversation_events_actor_kind_check');
  });
  await knex.raw(
    'create index conversation_events_conversation_idx on conversation_events (conversation_id, id)',
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('conversation_events');
}

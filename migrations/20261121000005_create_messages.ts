import type { Knex } from 'knex';

export const name = '20261121000005_create_messages';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('messages', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('conversation_id').notNullable().references('conversations.id').onDelete('CASCADE');
    t.uuid('channel_account_id').notNullable().references('channel_accounts.id').onDelete('CASCADE');
    t.text('direction').notNullable();
    // Platform id (post, comment, DM event). Unique per account: the inbound idempotency key.
    t.text('external_id');
    t.text('in_reply_to_external_id');
    t.uuid('author_user_id').references('users.id').onDelete('SET NULL');
    t.uuid('author_contact_id').references('contacts.id').onDelete('SET NULL');
    t.text('author_name').notNullable().defaultTo('');
    t.text('author_handle');
    t.text('text').notNullable();
    t.jsonb('raw');
    t.timestamp('platform_created_at', { useTz: true });
    t.timestamp('received_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    // Outbox state machine for outbound rows: queued -> sending -> sent | failed.
    t.text('delivery_state');
    t.text('delivery_error');
    t.integer('delivery_attempts').notNullable().defaultTo(0);
    t.timestamp('sending_started_at', { useTz: true });
    t.timestamp('sent_at', { useTz: true });
    // Client-chosen key: the same submit twice creates one reply.
    t.text('idempotency_key');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['channel_account_id', 'external_id']);
    t.unique(['author_user_id', 'idempotency_key']);
    t.check("direction in ('inbound', 'outbound', 'note')", [], 'messages_direction_check');
    t.check(
      "delivery_state is null or delivery_state in ('queued', 'sending', 'sent', 'failed')",
      [],
      'messages_delivery_state_check',
    );
    t.check(
      "(direction = 'outbound') = (delivery_state is not null)",
      [],
      'messages_outbound_has_state_check',
    );
  });
  await knex.raw('create index messages_conversation_idx on messages (conversation_id, created_at, id)');
  // The sweeper re-enqueues replies whose job was lost with Redis.
  await knex.raw(
    "create index messages_outbox_idx on messages (updated_at) where delivery_state in ('queued', 'sending')",
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('messages');
}

import type { Knex } from 'knex';

export const name = '20261121000011_add_message_moderation_and_private_reply';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('messages', (t) => {
    // Brand safety on Facebook comments: hidden from the public or deleted, by us or on the platform.
    t.timestamp('hidden_at', { useTz: true });
    t.timestamp('deleted_at', { useTz: true });
    // Outbound: a Facebook private reply (Messenger message answering the comment in in_reply_to_external_id).
    t.boolean('private_reply').notNullable().defaultTo(false);
  });
  // "Only one private reply per comment": find an earlier one fast.
  await knex.raw(
    'create index messages_private_reply_idx on messages (channel_account_id, in_reply_to_external_id) where private_reply',
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index messages_private_reply_idx');
  await knex.schema.alterTable('messages', (t) => {
    t.dropColumn('private_reply');
    t.dropColumn('deleted_at');
    t.dropColumn('hidden_at');
  });
}

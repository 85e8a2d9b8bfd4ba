import type { Knex } from 'knex';

export const name = '20261121000008_add_message_channel_and_context';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('messages', (t) => {
    // Public post/comment or direct message: one conversation timeline can hold both.
    t.text('channel').notNullable().defaultTo('public');
    // Rich content as the platform described it: media, entities, quoted post (rendered as text).
    t.jsonb('context');
    t.check("channel in ('public', 'dm')", [], 'messages_channel_check');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('messages', (t) => {
    t.dropChecks(['messages_channel_check']);
    t.dropColumn('context');
    t.dropColumn('channel');
  });
}
